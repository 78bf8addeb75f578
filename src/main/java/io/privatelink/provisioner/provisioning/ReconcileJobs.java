package io.privatelink.provisioner.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.privatelink.provisioner.api.ReconcileSummary;
import io.privatelink.provisioner.cloud.CloudAccounts;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobRepository;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.privatelink.provisioner.messaging.ProvisionCommandSender;
import io.privatelink.provisioner.telemetry.JobTelemetry;
import io.privatelink.provisioner.telemetry.Tracing;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One pass over the jobs that are due: polls Creating endpoints until Active, moves operations on managed endpoints
 * (delete, update, adopt) their next step, and sends again the ProvisionCommand of jobs stranded in Accepted or
 * waiting to retry in Provisioning. Several instances may run at once: each due job is
 * claimed by one.
 */
@ApplicationScoped
public class ReconcileJobs {

    private static final Logger LOG = Logger.getLogger(ReconcileJobs.class);

    private final AcceptPriority priority;
    private final JobRepository jobs;
    private final CloudAccounts cloud;
    private final ProvisionCommandSender sender;
    private final ReactiveContext context;
    private final JobViews views;
    private final JobDecisions decisions;
    private final JobSteps steps;
    private final ProvisionerConfig config;
    private final JobEventPublisher events;
    private final JobTelemetry telemetry;
    private final Tracer tracer;
    private final RunOperation operations;
    private final WatchDrift drift;

    public ReconcileJobs(JobRepository jobs, CloudAccounts cloud, ProvisionCommandSender sender,
            ReactiveContext context, JobViews views, JobDecisions decisions, JobSteps steps, ProvisionerConfig config,
            JobEventPublisher events, JobTelemetry telemetry, Tracer tracer, AcceptPriority priority,
            RunOperation operations, WatchDrift drift) {
        this.operations = operations;
        this.drift = drift;
        this.priority = priority;
        this.decisions = decisions;
        this.steps = steps;
        this.events = events;
        this.telemetry = telemetry;
        this.tracer = tracer;
        this.jobs = jobs;
        this.cloud = cloud;
        this.sender = sender;
        this.context = context;
        this.views = views;
        this.config = config;
    }

    /** One pass: the due jobs claimed and moved on, the events left unpublished sent, the endpoints due observed. */
    public Uni<ReconcileSummary> pass() {
        return countDue().chain(this::reconcileDueJobs).call(this::publishStaleEvents)
                .call(() -> drift.pass().onFailure().recoverWithItem(e -> {
                    LOG.warnf("drift watch pass failed: %s", e.toString());
                    return 0;
                }));
    }

    /** The jobs due before this pass, for the privatelink.jobs.due gauge. */
    private Uni<Long> countDue() {
        return context.run(back -> jobs.countDue(Instant.now())).invoke(telemetry::due)
                .onFailure().recoverWithItem(-1L);
    }

    /** Events whose publisher died, or met no broker, are published by the next pass. */
    private Uni<Void> publishStaleEvents() {
        return context.run(back -> jobs.jobsWithStaleEvents(Instant.now().minusSeconds(10), config.reconciler().batchSize()))
                .flatMap(stale -> Multi.createFrom().iterable(stale)
                        .onItem().transformToUniAndConcatenate(jobId -> context.run(back -> events.publish(jobId, back))
                                .onFailure().recoverWithItem(0))
                        .collect().last().replaceWithVoid());
    }

    private Uni<ReconcileSummary> reconcileDueJobs() {
        Instant now = Instant.now();
        return context.run(back -> jobs.claimDue(now, config.reconciler().batchSize(),
                now.plus(config.retry().callLease())))
                .flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().item(new ReconcileSummary(0, 0, 0))
                        : Multi.createFrom().iterable(claimed)
                                // Each job on its own context, hence its own database session.
                                .onItem().transformToUni(job -> priority.turn()
                                        .chain(() -> context.run(back -> handle(job, back)))
                                        .onFailure().recoverWithItem(e -> {
                                            LOG.warnf("reconciling job %s failed: %s", job.jobId, e.toString());
                                            return job.status;
                                        }))
                                .merge(config.reconciler().concurrency())
                                .collect().asList()
                                .map(ReconcileJobs::summary));
    }

    private static ReconcileSummary summary(List<JobStatus> handled) {
        long polled = handled.stream().filter(s -> s == JobStatus.Creating).count();
        return new ReconcileSummary(handled.size(), handled.size() - polled, polled);
    }

    private Uni<JobStatus> handle(VpcEndpointJob job, Executor back) {
        if (job.operation != Operation.Create && job.status != JobStatus.Accepted) {
            return operations.step(job).replaceWith(job.status);
        }
        if (job.status == JobStatus.Creating) {
            // The poll joins the trace of the request that created the job.
            Span span = tracer.spanBuilder("ReconcileVpcEndpointJobs poll").setParent(Tracing.of(job)).startSpan();
            span.makeCurrent();
            Tracing.tag(job);
            return events.after(poll(job, back), job.jobId).onTermination().invoke(span::end)
                    .replaceWith(JobStatus.Creating);
        }
        return sender.send(job.jobId).replaceWith(job.status);
    }

    private Uni<Void> poll(VpcEndpointJob claimed, Executor back) {
        return cloud.of(claimed.account, claimed.callerTenant).observe(claimed.regionId, claimed.endpointId)
                .emitOn(back)
                .onItemOrFailure().transformToUni((observation, failure) -> jobs.update(claimed.jobId, (job, steps) -> {
                    if (job.status != JobStatus.Creating) {
                        return null;
                    }
                    Instant now = Instant.now();
                    Map<String, Object> known = views.endpoint(job);
                    this.steps.record(job, steps, failure == null ? decisions.afterPoll(job, known, observation, now)
                            : decisions.afterPollFailed(job, known, CallFailure.of(failure), now), now);
                    return null;
                }))
                .replaceWithVoid();
    }
}
