package io.switchboard.local;

import io.switchboard.infra.ProcessReaper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** {@code deploy/local/up}: start the stack, load demo data, print where everything is, run until stopped. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        long started = System.nanoTime();
        LocalStack.Options options = LocalStack.Options.standard(root);
        LocalStack stack = new LocalStack(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack…");
            stack.close();
            ProcessReaper.stopAll();
            stopped.countDown();
        }, "local-stack-stop"));
        Files.createDirectories(options.workDir());
        Files.writeString(options.workDir().resolve("stack.pid"), Long.toString(ProcessHandle.current().pid()));

        stack.start(Duration.ofSeconds(120));
        DemoData.load(stack);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.println();
        System.out.println("Switchboard local stack is ready in " + String.format("%.1f", seconds) + " s");
        System.out.println();
        for (String service : LocalStack.SERVICES) {
            System.out.printf("  %-18s %s   (OpenAPI %s/q/openapi, log %s)%n", service + "-service", stack.url(service),
                    stack.url(service), root.relativize(stack.log(service)));
        }
        System.out.println("  ServiceTitan sandbox " + stack.serviceTitan().url() + " (tenant " + DemoData.SERVICETITAN_TENANT
                + ", employees matching the demo users)");
        System.out.println("  Kafka              " + stack.kafkaBootstrapServers());
        System.out.println("  PostgreSQL         localhost:" + stack.postgres().port() + " (user postgres, password postgres;"
                + " databases directory, number, seat, routing, sync)");
        System.out.println();
        System.out.println("Demo network \"" + DemoData.NETWORK + "\", admin " + DemoData.ADMIN_EMAIL + " / "
                + DemoData.ADMIN_PASSWORD);
        System.out.println("Stop with Ctrl-C or deploy/local/down.");
        System.out.flush();
        stopped.await();
    }
}
