package io.privatelink.provisioner.local;

import java.nio.file.Path;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The embedded default's entry point: starts Kafka, PostgreSQL and the simulator, points the service at them, runs
 * the service, and on Ctrl-C or SIGTERM stops the service first and then everything it started.
 */
@QuarkusMain
public final class LocalStackMain {

    private static final Logger LOG = Logger.getLogger(LocalStackMain.class);

    private LocalStackMain() {
    }

    public static void main(String... args) {
        Path dataDir = Path.of(env("PRIVATELINK_LOCAL_DATA", ".local-data")).toAbsolutePath();
        LocalStack.Ports ports = new LocalStack.Ports(
                Integer.parseInt(env("PRIVATELINK_LOCAL_KAFKA_PORT", "9092")),
                Integer.parseInt(env("PRIVATELINK_LOCAL_KAFKA_CONTROLLER_PORT", "9093")),
                Integer.parseInt(env("PRIVATELINK_LOCAL_POSTGRES_PORT", "5433")),
                Integer.parseInt(env("PRIVATELINK_LOCAL_SIMULATOR_PORT", "8089")));
        Duration activeAfter = Duration.parse("PT" + env("PRIVATELINK_SIMULATOR_ACTIVE_AFTER", "3s").toUpperCase());
        LOG.infof("embedded default: data in %s", dataDir);
        LocalStack stack = LocalStack.start(dataDir, ports, activeAfter, false);
        LOG.infof("embedded default: Kafka on %s, PostgreSQL on %s, PrivateLink simulator on http://127.0.0.1:%d",
                stack.kafkaBootstrapServers(), stack.jdbcUrl(), stack.simulator().port());
        stack.serviceConfig().forEach(System::setProperty);
        // As in production: the HTTP edge, not Quarkus, checks a request line's escapes (README, Deploy).
        System.setProperty("vertx.disableURIValidation", "true");
        // Not production: here a single switch (PRIVATELINK_AUTH_ENABLED=false) turns authentication off.
        System.setProperty("privatelink.auth.allow-disabled", "true");
        Path tokens = stack.issuer().writeRoleTokens(Duration.ofDays(30));
        LOG.infof("embedded default: callers' tokens (30 days) in %s: provisioner.token creates and reads its jobs, "
                + "auditor.token reads all, publisher.token decides on connections to its services; the jobs page: "
                + "http://localhost:%s/jobs.html#token=<auditor.token>",
                tokens, env("PORT", "8080"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Quarkus stops the service in its own hook; the stack goes down once the service no longer uses it.
            Application service = Application.currentApplication();
            if (service != null) {
                service.awaitShutdown();
            }
            stopStack(stack);
        }, "embedded-stack-stop"));
        if (Boolean.getBoolean("local-stack.exit-with-parent")) {
            // Started by Maven: a SIGTERM stops Maven without reaching this JVM, so follow it out.
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
        Quarkus.run(args);
    }

    private static void stopStack(LocalStack stack) {
        stack.close();
        LOG.info("embedded default: Kafka, PostgreSQL and the simulator stopped");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
