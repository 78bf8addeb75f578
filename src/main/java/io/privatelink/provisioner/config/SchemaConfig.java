package io.privatelink.provisioner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The schema's migrations: whether this process runs them (a step of its own in production, at start in the embedded
 * default and the tests) and the JDBC connection they run on (the reactive client's database, user and password).
 */
@ConfigMapping(prefix = "privatelink.schema")
public interface SchemaConfig {

    /** What this process does with the migrations. */
    enum Migrate {
        /** Nothing: a function's cold start neither takes Flyway's lock nor reads its history. */
        OFF,
        /** Migrates before anything else starts, then goes on (the embedded default, the tests). */
        AT_START,
        /** Migrates and exits: Deploy's migration step, with no consumer and no timer configured. */
        AND_EXIT
    }

    @WithDefault("off")
    Migrate migrate();

    /** The database as JDBC names it; application.properties derives it from the reactive client's URL. */
    String jdbcUrl();
}
