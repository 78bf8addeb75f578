package io.privatelink.provisioner.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.privatelink.simulator.PrivateLinkSimulator;
import io.vertx.core.Vertx;

/**
 * The embedded default: a real Kafka broker, a real PostgreSQL and the PrivateLink simulator, each keeping its state
 * under one data folder, and the configuration that points the service at them.
 */
public final class LocalStack implements AutoCloseable {

    /** The RAM role of the embedded default's second account, in the simulator's default seed. */
    public static final String DEMO_B_ROLE = "acs:ram::2345678901234567:role/privatelink-provisioner";

    /** Where each part listens. */
    public record Ports(int kafka, int kafkaController, int postgres, int simulator) {
    }

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final Vertx vertx;
    private final PrivateLinkSimulator simulator;
    private final LocalIssuer issuer;
    private boolean closed;

    private LocalStack(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, Vertx vertx,
            PrivateLinkSimulator simulator, LocalIssuer issuer) {
        this.issuer = issuer;
        this.postgres = postgres;
        this.kafka = kafka;
        this.vertx = vertx;
        this.simulator = simulator;
    }

    /**
     * @param stopOnJvmExit whether the database stops by itself when the JVM exits; false when the caller closes the
     *        stack after the service has stopped
     */
    public static LocalStack start(Path dataDir, Ports ports, Duration endpointActiveAfter, boolean stopOnJvmExit) {
        return start(dataDir, ports, endpointActiveAfter, stopOnJvmExit, null);
    }

    /** @param seed the simulator's seed file; null for its default seed */
    public static LocalStack start(Path dataDir, Ports ports, Duration endpointActiveAfter, boolean stopOnJvmExit,
            Path seed) {
        return start(dataDir, ports, s -> s.withActiveAfter(endpointActiveAfter).withSeed(seed),
                stopOnJvmExit);
    }

    /** @param settings the simulator's settings, from its defaults (its port and data directory set) */
    public static LocalStack start(Path dataDir, Ports ports,
            java.util.function.UnaryOperator<PrivateLinkSimulator.Settings> settings, boolean stopOnJvmExit) {
        // The database starts beside the broker: neither needs the other, and each takes seconds.
        CompletableFuture<EmbeddedPostgresServer> postgres = CompletableFuture.supplyAsync(
                () -> new EmbeddedPostgresServer(dataDir.resolve("postgres"), ports.postgres(), stopOnJvmExit).start());
        EmbeddedKafkaBroker kafka = null;
        Vertx vertx = null;
        try {
            kafka = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController()).start();
            vertx = Vertx.vertx();
            PrivateLinkSimulator simulator = PrivateLinkSimulator.start(vertx, settings.apply(
                    PrivateLinkSimulator.Settings.defaults(ports.simulator(), dataDir.resolve("simulator"))));
            return new LocalStack(started(postgres), kafka, vertx, simulator, LocalIssuer.open(dataDir.resolve("auth")));
        } catch (RuntimeException e) {
            // A part that cannot start takes down what did, so that a failed start leaves nothing running.
            if (vertx != null) {
                vertx.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            EmbeddedPostgresServer database = postgres.handle((started, failed) -> started).join();
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    private static EmbeddedPostgresServer started(CompletableFuture<EmbeddedPostgresServer> postgres) {
        try {
            return postgres.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The issuer of the callers' tokens that the service trusts. */
    public LocalIssuer issuer() {
        return issuer;
    }

    public PrivateLinkSimulator simulator() {
        return simulator;
    }

    /** The database, which fault tests stop and start again under the running service. */
    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** The broker, which fault tests stop and start again under the running service. */
    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    private static final String LOCAL_RECEIVERS = "localhost,127.0.0.1";

    /** The service's configuration for this stack. */
    public Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("quarkus.datasource.password", "");
        // Production migrates as a step of its own; the embedded default has one process, which migrates at start.
        config.put("privatelink.schema.migrate", "at-start");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("privatelink.cloud.endpoint", "127.0.0.1:" + simulator.port());
        config.put("privatelink.cloud.protocol", "HTTP");
        config.put("privatelink.cloud.access-key-id", PrivateLinkSimulator.Settings.DEFAULT_ACCESS_KEY_ID);
        config.put("privatelink.cloud.access-key-secret", PrivateLinkSimulator.Settings.DEFAULT_ACCESS_KEY_SECRET);
        config.putAll(issuer.serviceConfig());
        // Two accounts: demo-a is the simulator's first (its AccessKey pair), demo-b its second, reached by assuming
        // demo-b's role through the simulator's STS; the local tokens' tenant may use both.
        config.put("privatelink.default-account", "demo-a");
        config.put("privatelink.accounts.\"demo-b\".role-arn", DEMO_B_ROLE);
        config.put("privatelink.tenants.\"" + LocalIssuer.TENANT + "\".default-account", "demo-a");
        config.put("privatelink.tenants.\"" + LocalIssuer.TENANT + "\".accounts", "demo-a,demo-b");
        // Callbacks to receivers on this machine, over plain http.
        config.put("privatelink.callbacks.allowed-hosts", LOCAL_RECEIVERS);
        config.put("privatelink.callbacks.http-hosts", LOCAL_RECEIVERS);
        config.put("privatelink.callbacks.private-hosts", LOCAL_RECEIVERS);
        return config;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        simulator.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        kafka.close();
        postgres.close();
    }
}
