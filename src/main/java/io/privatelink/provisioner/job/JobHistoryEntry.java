package io.privatelink.provisioner.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One step of a job: the state it entered, when, and why. */
@Entity
@Table(name = "vpc_endpoint_job_history")
public class JobHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public String jobId;

    @Enumerated(EnumType.STRING)
    @Column(name = "job_status", nullable = false)
    public JobStatus jobStatus;

    @Column(nullable = false)
    public Instant at;

    public String detail;

    /** For a step that schedules a retry: the retryable code that caused it (not stored; read by the telemetry). */
    @Transient
    public String retriedCode;

    public static JobHistoryEntry of(String jobId, JobStatus status, Instant at, String detail) {
        JobHistoryEntry e = new JobHistoryEntry();
        e.jobId = jobId;
        e.jobStatus = status;
        e.at = at;
        e.detail = detail;
        return e;
    }
}
