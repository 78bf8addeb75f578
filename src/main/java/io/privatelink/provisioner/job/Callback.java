package io.privatelink.provisioner.job;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A job's event to POST to its NotificationUrl: the callbacks' outbox, one row per event, delivered in id order. */
@Entity
@Table(name = "vpc_endpoint_callback")
public class Callback extends PanacheEntityBase {

    /** How a delivery ended. */
    public enum Outcome {
        /** A 2xx answered. */
        Delivered,
        /** A 4xx other than 429 answered: the receiver does not want it. */
        Refused,
        /** No 2xx within privatelink.callbacks.give-up-after. */
        GaveUp
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public String jobId;

    @Column(name = "caller_tenant", nullable = false)
    public String callerTenant;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String host;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(nullable = false)
    public int attempts;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The delivery of {@code event} to the job's NotificationUrl, due at once. */
    public static Callback of(VpcEndpointJob job, JobEvent event) {
        Callback c = new Callback();
        c.jobId = job.jobId;
        c.callerTenant = job.callerTenant;
        c.url = job.notificationUrl;
        c.host = hostOf(job.notificationUrl);
        c.eventId = event.cloudEventId;
        c.eventType = event.eventType;
        c.payload = event.payload;
        c.createdAt = event.createdAt;
        c.nextAttemptAt = event.createdAt;
        return c;
    }

    /**
     * The URL as views and events show it: scheme, host, port and path, without the query or fragment, which may hold
     * the receiver's token.
     */
    public static String shown(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** The host a URL names, lower case: deliveries are shared out per receiver by it. */
    public static String hostOf(String url) {
        String host = URI.create(url).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }
}
