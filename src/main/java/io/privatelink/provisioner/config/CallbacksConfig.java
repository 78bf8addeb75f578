package io.privatelink.provisioner.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where and how the service POSTs a job's events to its caller (Standard Webhooks), and which URLs it will call at
 * all: only hosts an operator named, https unless named for http, and no private address unless named for that too.
 */
@ConfigMapping(prefix = "privatelink.callbacks")
public interface CallbacksConfig {

    /** The hosts a NotificationUrl may name (exact names, or *.example.com for its subdomains); none: no callbacks. */
    Optional<List<String>> allowedHosts();

    /** Of those, the hosts that may be called over plain http (for local receivers). */
    Optional<List<String>> httpHosts();

    /**
     * Of those, the hosts that may resolve to a loopback, link-local, private or metadata address; any other host
     * that does is refused, at acceptance and again before each attempt.
     */
    Optional<List<String>> privateHosts();

    /**
     * PEM files of certificate authorities that https receivers' certificates may chain to besides the JVM's own (an
     * internal receiver under a company's CA); none: the JVM's alone.
     */
    Optional<List<String>> trustCertificates();

    /** The in-process timer that retries deliveries; unset, it follows privatelink.reconciler.every ("off" too). */
    Optional<String> every();

    /** How long a delivery is retried (timeouts, connection failures, 429, 5xx) before it is given up. */
    @WithDefault("24h")
    Duration giveUpAfter();

    /** The wait before the second attempt; each next one waits twice as long, with jitter, up to max-backoff. */
    @WithDefault("1s")
    Duration firstBackoff();

    @WithDefault("10m")
    Duration maxBackoff();

    @WithDefault("2s")
    Duration connectTimeout();

    /** The longest one attempt may take, connection and answer together. */
    @WithDefault("10s")
    Duration attemptTimeout();

    /**
     * Connections to one receiver at once: a slow one holds no more than these (at 4 instead of 16, a burst of 500
     * ends took 5.9 s instead of 3.5 s to reach one receiver at the median, on the same busy machine).
     */
    @WithDefault("16")
    int connectionsPerHost();

    /**
     * How long a claimed attempt stays leased beyond attempt-timeout before another pass may take it again (a crashed
     * process's claims): longer than an attempt's recording takes.
     */
    @WithDefault("30s")
    Duration leaseMargin();

    /** Deliveries under way at once, over every receiver. */
    @WithDefault("64")
    int inFlight();

    /** How much of a receiver's answer is read (the rest is dropped with the connection). */
    @WithDefault("4096")
    int maxResponseBytes();

    /** Each tenant's signing secrets and default URL; tenants not named use the defaults below. */
    Map<String, Tenant> tenants();

    /** The signing secrets (whsec_ and base64) of tenants that have none of their own; the first signs first. */
    Optional<List<String>> secrets();

    interface Tenant {
        /** Several at once while a secret is rotated: each attempt is signed with every one of them. */
        Optional<List<String>> secrets();

        /** The URL of the tenant's jobs that name none. */
        Optional<String> notificationUrl();
    }
}
