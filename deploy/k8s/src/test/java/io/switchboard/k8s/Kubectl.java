package io.switchboard.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code kubectl kustomize}, the renderer a cluster operator uses. Taken from {@code SWITCHBOARD_KUBECTL}, else the
 * PATH, else Debian's {@code kubernetes-client} package unpacked under {@code target/} (a fresh machine has apt but no
 * kubectl; unpacking needs no root). The manifests stay within what that package's kustomize (v2) understands, so
 * they render the same with it and with a current kubectl.
 */
final class Kubectl {

    private static String binary;

    private Kubectl() {
    }

    static List<JsonNode> render(Path kustomization) throws Exception {
        Result r = run(new File("."), binary(), "kustomize", kustomization.toString());
        if (r.exit != 0) {
            throw new AssertionError("kubectl kustomize " + kustomization + " failed:\n" + r.output);
        }
        List<JsonNode> docs = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (YAMLParser parser = new YAMLFactory().createParser(Files.readString(r.stdout))) {
            var it = yaml.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static synchronized String binary() throws Exception {
        if (binary != null) {
            return binary;
        }
        String configured = System.getenv("SWITCHBOARD_KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return binary = configured;
        }
        if (works("kubectl")) {
            return binary = "kubectl";
        }
        Path dir = Path.of(System.getProperty("switchboard.kubectl-dir", "target/kubectl")).toAbsolutePath();
        Path unpacked = dir.resolve("root/usr/bin/kubectl");
        if (!Files.isExecutable(unpacked)) {
            Files.createDirectories(dir);
            Result download = run(dir.toFile(), "apt-get", "download", "kubernetes-client");
            if (download.exit != 0 && "root".equals(System.getProperty("user.name"))) {
                run(dir.toFile(), "apt-get", "update", "-qq");
                download = run(dir.toFile(), "apt-get", "download", "kubernetes-client");
            }
            if (download.exit != 0) {
                throw new AssertionError("No kubectl: set SWITCHBOARD_KUBECTL, put kubectl on the PATH, or make apt able to "
                        + "download Debian's kubernetes-client package (apt-get download failed:\n" + download.output + ")");
            }
            try (var debs = Files.list(dir)) {
                Path deb = debs.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst().orElseThrow();
                Result unpack = run(dir.toFile(), "dpkg-deb", "-x", deb.toString(), "root");
                if (unpack.exit != 0) {
                    throw new AssertionError("dpkg-deb -x failed:\n" + unpack.output);
                }
            }
        }
        return binary = unpacked.toString();
    }

    private static boolean works(String command) {
        try {
            return run(new File("."), command, "version", "--client").exit == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private record Result(int exit, String output, Path stdout) {
    }

    private static Result run(File dir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kubectl", ".out");
        Path err = Files.createTempFile("kubectl", ".err");
        Process p = new ProcessBuilder(command).directory(dir).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 5 minutes");
        }
        String output = Files.readString(err, StandardCharsets.UTF_8);
        return new Result(p.exitValue(), p.exitValue() == 0 ? output : Files.readString(out) + output, out);
    }
}
