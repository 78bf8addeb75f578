package io.privatelink.provisioner.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ProvisionCommand;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.privatelink.provisioner.telemetry.Tracing;
import io.smallrye.mutiny.Uni;

/**
 * Makes a job's CreateVpcEndpoint call (a job of another operation goes to {@link RunOperation}) with the job's cloud token as ClientToken and records the outcome. Idempotent:
 * a command for a job past Provisioning does nothing, and a repeated call reuses the token, so the cloud makes one
 * endpoint.
 */
@ApplicationScoped
public class ProvisionEndpoint {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProvisionEndpoint.class);

    /** One create call about to be made; or, for a job of another operation, that job to hand over. */
    private record Attempt(String jobId, String account, String tenant, String cloudToken,
            Map<String, String> parameters, int number, VpcEndpointJob operation, java.time.Duration backlog) {
    }

    private final AcceptPriority priority;
    private final JobStore jobs;
    private final Clouds cloud;
    private final ReactiveContext context;
    private final JobViews views;
    private final JobDecisions decisions;
    private final JobSteps steps;
    private final ProvisionerConfig config;
    private final JobEventPublisher events;
    private final RunOperation operations;

    private final Clock clock;

    public ProvisionEndpoint(JobStore jobs, Clouds cloud, ReactiveContext context,
            JobViews views, JobDecisions decisions, JobSteps steps, ProvisionerConfig config, JobEventPublisher events,
            AcceptPriority priority, RunOperation operations, Clock clock) {
        this.clock = clock;
        this.operations = operations;
        this.priority = priority;
        this.events = events;
        this.jobs = jobs;
        this.cloud = cloud;
        this.context = context;
        this.views = views;
        this.decisions = decisions;
        this.steps = steps;
        this.config = config;
    }

    /** One command: the job's create call, if the job still waits for it; nothing for a job past Provisioning. */
    public Uni<Void> provision(ProvisionCommand command) {
        return provision(command, false);
    }

    /**
     * One command; with {@code handOff}, a create call that must wait for its account's pacing longer than
     * privatelink.reconciler.hand-off-after goes on by itself and the command is done at once, so that the consumer
     * takes the next one (a crash meanwhile leaves the job Provisioning under its lease, for the reconciler). A
     * command for a create already under way (started by the reconciler, or sent twice) does nothing.
     */
    public Uni<Void> provision(ProvisionCommand command, boolean handOff) {
        if (command == null || command.jobId() == null) {
            return Uni.createFrom().failure(ApiErrors.missing("JobId", "A ProvisionCommand needs its JobId."));
        }
        return provision(command.jobId(), null, handOff);
    }

    /**
     * A job the reconciler has claimed until {@code lease}: its create call, unless a command began it since the
     * claim.
     */
    public Uni<Void> provisionClaimed(String jobId, Instant lease, boolean handOff) {
        return provision(jobId, lease, handOff);
    }

    private Uni<Void> provision(String jobId, Instant lease, boolean handOff) {
        // A command waits its turn behind accepts under way; a claimed job's pass has waited for it already.
        Uni<Void> turn = lease == null ? priority.turn() : Uni.createFrom().voidItem();
        // The begin's events (Accepted, Provisioning) go out with the call's outcome: one publishing for the three.
        return turn.chain(() -> context.run(back -> begin(jobId, lease)
                .flatMap(attempt -> {
                    if (attempt == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (attempt.operation() != null) {
                        return operations.step(attempt.operation());
                    }
                    Uni<Void> call = events.after(call(attempt, back), attempt.jobId());
                    if (handOff && attempt.backlog().compareTo(config.reconciler().handOffAfter()) > 0) {
                        call.subscribe().with(done -> {
                        }, e -> LOG.warnf("the create call of job %s failed (%s); the reconciler will retry it",
                                attempt.jobId(), e.toString()));
                        return Uni.createFrom().voidItem();
                    }
                    return call;
                })));
    }

    /**
     * @param lease the lease of the reconciler's claim; null for a command, which leaves a create under way (within
     *        its lease) alone
     */
    private Uni<Attempt> begin(String jobId, Instant lease) {
        Instant now = clock.instant();
        return jobs.update(jobId, (job, steps) -> {
            if (job.operation != Operation.Create) {
                return OperationDecisions.waitsToStart(job)
                        ? new Attempt(jobId, job.account, job.callerTenant, null, null, 0, job, java.time.Duration.ZERO)
                        : null;
            }
            if (job.status != JobStatus.Accepted && job.status != JobStatus.Provisioning) {
                return null;
            }
            if (lease == null ? job.status == JobStatus.Provisioning && job.nextAttemptAt.isAfter(now)
                    : java.time.Duration.between(lease, job.nextAttemptAt).abs().toMillis() >= 1) {
                // Its call is under way or waits to be retried under its lease; or, for the reconciler, a command
                // began it since the claim. One create call per attempt, not one per path.
                return null;
            }
            Tracing.tag(job);
            job.attempts++;
            steps.add(job.moveTo(JobStatus.Provisioning, "attempt " + job.attempts, now));
            // The call waits for its turn in its account's pacing first: its lease covers the wait.
            java.time.Duration backlog = cloud.of(job.account, job.callerTenant).backlog(PrivateLinkClient.CREATE);
            job.nextAttemptAt = now.plus(config.retry().callLease()).plus(backlog);
            return new Attempt(job.jobId, job.account, job.callerTenant, job.cloudToken,
                    views.request(job).cloudParameters(), job.attempts, null, backlog);
        });
    }

    private Uni<Void> call(Attempt attempt, Executor back) {
        return cloud.of(attempt.account(), attempt.tenant()).create(attempt.parameters(), attempt.cloudToken())
                .emitOn(back)
                .onItemOrFailure().transformToUni((creation, failure) -> jobs.update(attempt.jobId(), (job, steps) -> {
                    if (job.status != JobStatus.Provisioning) {
                        return null;
                    }
                    Instant now = clock.instant();
                    this.steps.record(job, steps, failure == null ? decisions.afterCreate(job.account, creation, now)
                            : decisions.afterCreateFailed(job, attempt.number(), CallFailure.of(failure), now), now);
                    return null;
                }))
                .replaceWithVoid();
    }
}
