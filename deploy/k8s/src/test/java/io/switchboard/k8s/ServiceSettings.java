package io.switchboard.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's configuration reads, from its sources: the keys of its {@code application.properties} and the
 * platform's defaults, the environment variables those files reference ({@code ${SERVICETITAN_APP_KEY:…}}), the
 * properties of its {@code @ConfigMapping} interfaces (and the platform's), and the Quarkus extensions it has. An
 * environment variable is read if it is one of these in environment form (upper case, every non-alphanumeric → '_').
 */
final class ServiceSettings {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)\\s*public\\s+interface\\s+(\\w+)");
    private static final Pattern INTERFACE = Pattern.compile("interface\\s+(\\w+)\\s*\\{");
    private static final Pattern METHOD = Pattern.compile("(?:@WithName\\(\"([^\"]+)\"\\)\\s*)?(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
            + "([\\w.<>, ]+?)\\s+(\\w+)\\(\\);");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    final String service;
    final Properties properties = new Properties();
    final Set<String> readEnvNames = new HashSet<>();
    final Set<String> envPrefixesReadWithKeys = new HashSet<>();
    final String pom;

    ServiceSettings(Path repo, String service) throws IOException {
        this.service = service;
        Path app = repo.resolve(service + "/src/main/resources/application.properties");
        Path platform = repo.resolve("platform/src/main/resources/META-INF/microprofile-config.properties");
        for (Path file : List.of(platform, app)) {
            String text = Files.readString(file);
            Properties p = new Properties();
            p.load(new StringReader(text));
            p.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> {
                properties.setProperty(k, p.getProperty(k));
                readEnvNames.add(env(k));
            });
            Matcher m = ENV_REFERENCE.matcher(text);
            while (m.find()) {
                readEnvNames.add(m.group(1));
            }
        }
        for (Path root : List.of(repo.resolve(service + "/src/main/java"), repo.resolve("platform/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(f);
                    Matcher m = MAPPING.matcher(source);
                    if (m.find()) {
                        mappingProperties(source, m.group(2), m.group(1));
                    }
                }
            }
        }
        pom = Files.readString(repo.resolve(service + "/pom.xml"));
    }

    int httpPort() {
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    String database() {
        String url = properties.getProperty("quarkus.datasource.jdbc.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Whether the service reads this environment variable (JVM options are read by the JVM itself). */
    boolean reads(String envName) {
        if (envName.equals("JAVA_TOOL_OPTIONS") || readEnvNames.contains(envName)) {
            return true;
        }
        if (envPrefixesReadWithKeys.stream().anyMatch(envName::startsWith)) {
            return true;
        }
        // Quarkus's own settings of an extension the service has.
        Map<String, String> extensions = Map.of("QUARKUS_HTTP_", "quarkus-rest", "QUARKUS_DATASOURCE_", "quarkus-jdbc-postgresql",
                "QUARKUS_MAILER_", "quarkus-mailer", "QUARKUS_LOG_", "quarkus-core");
        return extensions.entrySet().stream().anyMatch(e -> envName.startsWith(e.getKey())
                && (e.getValue().equals("quarkus-core") || pom.contains("<artifactId>" + e.getValue() + "</artifactId>")
                || platformHas(e.getValue())));
    }

    private boolean platformHas(String extension) {
        return extension.equals("quarkus-rest") || extension.equals("quarkus-jdbc-postgresql");
    }

    static String env(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Expands a mapping interface into its property names; nested interfaces of the same file are followed. */
    private void mappingProperties(String source, String root, String prefix) {
        Map<String, String> bodies = new HashMap<>();
        Matcher i = INTERFACE.matcher(source);
        while (i.find()) {
            int depth = 1;
            int at = i.end();
            StringBuilder own = new StringBuilder();
            while (depth > 0 && at < source.length()) {
                char c = source.charAt(at++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 1 && c != '}') {
                    own.append(c);
                }
            }
            bodies.put(i.group(1), own.toString());
        }
        expand(bodies, root, prefix, 0);
    }

    private void expand(Map<String, String> bodies, String type, String prefix, int depth) {
        String body = bodies.get(type);
        if (body == null || depth > 5) {
            return;
        }
        Matcher m = METHOD.matcher(body);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : kebab(m.group(3));
            String returnType = m.group(2).trim();
            String path = prefix + "." + name;
            if (returnType.startsWith("Map<")) {
                envPrefixesReadWithKeys.add(env(path) + "__");
                continue;
            }
            if (bodies.containsKey(returnType)) {
                expand(bodies, returnType, path, depth + 1);
            } else {
                readEnvNames.add(env(path));
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
