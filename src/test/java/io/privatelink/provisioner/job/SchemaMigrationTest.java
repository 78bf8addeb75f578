package io.privatelink.provisioner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.privatelink.fixtures.FreePorts;
import io.privatelink.provisioner.config.CallbacksConfig;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.config.SchemaConfig;
import io.privatelink.provisioner.fakes.TestConfig;
import io.privatelink.provisioner.local.EmbeddedPostgresServer;
import io.privatelink.provisioner.local.ServiceProcess;
import io.smallrye.config.SmallRyeConfig;

/**
 * The migrations where Deploy runs them: the production artifact as the migration step migrates an empty database and
 * exits 0; a step configured with a consumer or a timer on refuses before it touches the database; a function
 * (the default, off) never connects.
 */
class SchemaMigrationTest {

    /** A database no one listens on: a migration that tried to connect would fail. */
    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/none";

    @Test
    void theMigrationStepMigratesAnEmptyDatabaseAndExits() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "migration-step-");
        try (EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(data.resolve("pg"), FreePorts.next(), true)
                .start()) {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.http.port", String.valueOf(FreePorts.next()));
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
            config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            config.put("quarkus.datasource.password", "");
            config.put("kafka.bootstrap.servers", "127.0.0.1:" + FreePorts.next());
            config.put("privatelink.auth.enabled", "false");
            config.put("privatelink.auth.allow-disabled", "true");
            config.put("privatelink.cloud.access-key-id", "step");
            config.put("privatelink.cloud.access-key-secret", "step");
            config.put("privatelink.schema.migrate", "and-exit");
            config.put("mp.messaging.incoming.provision-commands-in.enabled", "false");
            config.put("mp.messaging.incoming.vpc-endpoint-requests-in.enabled", "false");
            config.put("privatelink.reconciler.every", "off");
            int exit;
            try (ServiceProcess step = ServiceProcess.start(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                    config, data.resolve("step.log"))) {
                exit = step.awaitExit(Duration.ofMinutes(2));
            }
            assertEquals(0, exit, Files.readString(data.resolve("step.log")));
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, "");
                    Statement s = c.createStatement();
                    ResultSet applied = s.executeQuery("select count(*) from flyway_schema_history where success")) {
                applied.next();
                long migrations;
                try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
                    migrations = files.count();
                }
                assertEquals(migrations, applied.getLong(1), "every migration applied once");
            }
        }
    }

    @Test
    void aStepWithAConsumerOrATimerOnRefusesBeforeItConnects() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> migrate(
                SchemaConfig.Migrate.AND_EXIT, Map.of("mp.messaging.incoming.provision-commands-in.enabled", "false",
                        "privatelink.reconciler.every", "1s")));
        assertTrue(refused.getMessage().contains("[mp.messaging.incoming.vpc-endpoint-requests-in.enabled, "
                + "privatelink.reconciler.every, privatelink.callbacks.every]"), refused.getMessage());
    }

    @Test
    void aStepReadsOffAsTheConsumersAndTimersDo() {
        // Refused for a timer alone: every consumer "FALSE" and the reconciler "Disabled" count as off.
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> migrate(
                SchemaConfig.Migrate.AND_EXIT, Map.of("mp.messaging.incoming.provision-commands-in.enabled", "FALSE",
                        "mp.messaging.incoming.vpc-endpoint-requests-in.enabled", "FALSE",
                        "privatelink.reconciler.every", "Disabled", "privatelink.callbacks.every", "5s")));
        assertTrue(refused.getMessage().endsWith("these are on: [privatelink.callbacks.every]"), refused.getMessage());
    }

    @Test
    void aFunctionDoesNotMigrate() {
        migrate(SchemaConfig.Migrate.OFF, Map.of());
    }

    private static void migrate(SchemaConfig.Migrate mode, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("quarkus.datasource.username", "postgres");
        SmallRyeConfig config = TestConfig.of(all, ProvisionerConfig.class, CallbacksConfig.class);
        new SchemaMigration().migrate(null, new SchemaConfig() {
            @Override
            public Migrate migrate() {
                return mode;
            }

            @Override
            public String jdbcUrl() {
                return NOWHERE;
            }
        }, config.getConfigMapping(ProvisionerConfig.class), config.getConfigMapping(CallbacksConfig.class), config);
    }
}
