package io.privatelink.provisioner.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A state change waiting to be (or already) published on vpc-endpoint.events, as its CloudEvent. */
@Entity
@Table(name = "vpc_endpoint_job_event")
public class JobEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public String jobId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The CloudEvent's id (inside the payload), for the callback that delivers it (not a column). */
    @jakarta.persistence.Transient
    public String cloudEventId;
}
