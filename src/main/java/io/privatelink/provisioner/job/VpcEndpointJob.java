package io.privatelink.provisioner.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** One accepted operation on an endpoint (a create, delete, update or adoption) and how far it got; the record of truth. */
@Entity
@Table(name = "vpc_endpoint_job")
public class VpcEndpointJob extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public String jobId;

    @Column(name = "client_token", nullable = false)
    public String clientToken;

    /** What every cloud call of the job carries as ClientToken, so that retries make one endpoint. */
    @Column(name = "cloud_token", nullable = false)
    public String cloudToken;

    @Column(name = "caller_subject", nullable = false)
    public String callerSubject;

    @Column(name = "caller_tenant", nullable = false)
    public String callerTenant;

    @Column(name = "request_fingerprint", nullable = false)
    public String requestFingerprint;

    @Column(name = "request_json", nullable = false)
    public String requestJson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    @Column(name = "region_id", nullable = false)
    public String regionId;

    @Column(name = "vpc_id", nullable = false)
    public String vpcId;

    @Column(name = "endpoint_id")
    public String endpointId;

    @Column(name = "endpoint_json")
    public String endpointJson;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(nullable = false)
    public int attempts;

    /** Polls of GetVpcEndpointAttribute since the create call. */
    @Column(nullable = false)
    public int polls;

    /** Polls in a row that met a retryable error (throttling, 5xx, timeouts). */
    @Column(name = "poll_failures", nullable = false)
    public int pollFailures;

    /** Polls of GetVpcEndpointAttribute that answered EndpointNotFound since the create call. */
    @Column(name = "not_found_polls", nullable = false)
    public int notFoundPolls;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The W3C traceparent of the request that created the job. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Operation operation = Operation.Create;

    /** The Alibaba account the job acts in ("" for jobs from before accounts: the default account). */
    @Column(nullable = false)
    public String account = "";

    /** The job that brought the endpoint under management (its create or adopt job); null on that job itself. */
    @Column(name = "resource_key")
    public String resourceKey;

    /** The order of acceptance, from the database: operations on one endpoint run in it. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    /** Past this the job fails with ProvisioningTimeout, whatever its state; null: the operation's own deadlines. */
    @Column(name = "deadline_at")
    public Instant deadlineAt;

    /** The steps an operation has applied so far, as a JSON array of their names. */
    @Column(name = "applied_json")
    public String appliedJson;

    /** Where the job's events are POSTed (as accepted, with its query); null: nowhere. */
    @Column(name = "notification_url")
    public String notificationUrl;

    /** Which of its events are POSTed there. */
    @Enumerated(EnumType.STRING)
    @Column(name = "notify_on")
    public NotifyOn notifyOn;

    /** The managed endpoint as this change leaves it, written in the same transaction (not a column). */
    @Transient
    public ManagedEndpoint managedWrite;

    /** The managed endpoint service as this change leaves it, written in the same transaction (not a column). */
    @Transient
    public ManagedService serviceWrite;

    /** Whether a job on this key (an endpoint's or a service's operations) is still under way. */
    public static Uni<Boolean> anyMovingOn(String resourceKey) {
        return Panache.withSession(() -> count("coalesce(resourceKey, jobId) = ?1 and status in ?2", resourceKey,
                JobStatus.moving()).map(n -> n > 0));
    }

    /** The key the endpoint's operations share, so that they run one at a time. */
    public String endpointKey() {
        return resourceKey != null ? resourceKey : jobId;
    }

    /**
     * A new job in Accepted, created now, under a fresh JobId, which is also its cloud token: unique to the job,
     * whoever else uses the same ClientToken.
     */
    public static VpcEndpointJob accepted(JobOwner owner, String clientToken, String requestFingerprint,
            String requestJson, String regionId, String vpcId, Instant now) {
        VpcEndpointJob job = new VpcEndpointJob();
        job.jobId = "job-" + java.util.UUID.randomUUID();
        job.cloudToken = job.jobId;
        job.callerSubject = owner.subject();
        job.callerTenant = owner.tenant();
        job.clientToken = clientToken;
        job.requestFingerprint = requestFingerprint;
        job.requestJson = requestJson;
        job.status = JobStatus.Accepted;
        job.regionId = regionId;
        job.vpcId = vpcId;
        job.createdAt = now;
        job.updatedAt = now;
        return job;
    }

    /** Notifies {@code url} (checked; null: nowhere) of the events NotifyOn names. */
    public void notifyAt(String url, String notifyOn) {
        notificationUrl = url;
        this.notifyOn = url == null ? null : NotifyOn.of(notifyOn);
    }

    /**
     * Whether the event of a move to {@code status} is POSTed to the job's NotificationUrl: its end, every state when
     * asked, and always AwaitingAcceptance, where the job waits on a person.
     */
    public boolean notifies(JobStatus status) {
        return notificationUrl != null && (status.isTerminal() || status == JobStatus.AwaitingAcceptance
                || notifyOn == NotifyOn.EveryState);
    }

    public JobOwner owner() {
        return new JobOwner(callerSubject, callerTenant);
    }

    /**
     * Moves the job and returns the history row to record with it.
     *
     * @throws IllegalStateException when the state machine does not allow the move
     */
    public JobHistoryEntry moveTo(JobStatus target, String detail, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("job " + jobId + " cannot move from " + status + " to " + target);
        }
        status = target;
        updatedAt = now;
        if (target.isTerminal()) {
            nextAttemptAt = null;
        }
        return JobHistoryEntry.of(jobId, target, now, detail);
    }
}
