package io.privatelink.provisioner.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.privatelink.provisioner.config.CallbacksConfig;
import io.privatelink.provisioner.config.Every;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.config.SchemaConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Migrates the schema (src/main/resources/db/migration) when asked to, before any consumer, timer or function starts
 * (the platform's priority, ahead of the messaging's start): Flyway's library on a JDBC connection it opens and
 * closes, so that a function that does not migrate loads none of it. Quarkus' own init-and-exit stops before the
 * start's observers run, so the migration step exits itself ({@link SchemaConfig.Migrate#AND_EXIT}).
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);
    /** The consumers that would do work between the migration and the exit: the step must have them off. */
    private static final List<String> CONSUMERS = List.of("mp.messaging.incoming.provision-commands-in.enabled",
            "mp.messaging.incoming.vpc-endpoint-requests-in.enabled");

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, SchemaConfig schema,
            ProvisionerConfig provisioner, CallbacksConfig callbacks, Config config) {
        if (schema.migrate() == SchemaConfig.Migrate.OFF) {
            return;
        }
        if (schema.migrate() == SchemaConfig.Migrate.AND_EXIT) {
            // Each read as what it turns on reads it: the connector's boolean, the timers' Every.
            List<String> on = new ArrayList<>(CONSUMERS.stream()
                    .filter(key -> config.getOptionalValue(key, Boolean.class).orElse(true)).toList());
            String reconciler = provisioner.reconciler().every();
            if (Every.period(reconciler).isPresent()) {
                on.add("privatelink.reconciler.every");
            }
            if (Every.period(callbacks.every().orElse(reconciler)).isPresent()) {
                on.add("privatelink.callbacks.every");
            }
            if (!on.isEmpty()) {
                throw new IllegalStateException("the migration step (privatelink.schema.migrate=and-exit) runs no"
                        + " consumer and no timer; these are on: " + on);
            }
        }
        String user = config.getValue("quarkus.datasource.username", String.class);
        Optional<String> password = config.getOptionalValue("quarkus.datasource.password", String.class);
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(schema.jdbcUrl(), user, password.orElse(""))
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.infof("schema at version %s (%d migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
        if (schema.migrate() == SchemaConfig.Migrate.AND_EXIT) {
            Quarkus.asyncExit(0);
        }
    }
}
