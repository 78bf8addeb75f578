package io.privatelink.provisioner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How often managed endpoints are observed for drift (and managed services' connections for new requests), and how
 * much of that one reconciler pass takes on.
 */
@ConfigMapping(prefix = "privatelink.drift")
public interface DriftConfig {

    /** Each managed endpoint is observed once per period, at its own offset in it (spread, never all at once). */
    @WithDefault("10m")
    Duration every();

    /**
     * Each managed service's connections are looked at once per period (four calls: the service, its resources, its
     * allowed accounts, its connections), to find new connection requests for its acceptance policy.
     */
    @WithDefault("1m")
    Duration connectionsEvery();

    /** Endpoints one pass observes at most (three calls each: the endpoint, its zones, its security groups). */
    @WithDefault("50")
    int batchSize();

    /** Observations one pass runs at once. */
    @WithDefault("4")
    int concurrency();
}
