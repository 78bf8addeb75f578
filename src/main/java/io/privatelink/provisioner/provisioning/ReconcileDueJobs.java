package io.privatelink.provisioner.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.privatelink.provisioner.api.ReconcileSummary;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.privatelink.provisioner.telemetry.Tracing;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The jobs that are due, claimed and moved on: Creating endpoints polled until Active (and their connections until
 * Connected, AwaitingAcceptance meanwhile, when the job waits for them), operations on managed
 * endpoints (delete, update, adopt) stepped, and the jobs still Accepted past privatelink.accept.resend-after (their
 * command lost, or queued behind a burst's in the commands topic, which is first come first served while the
 * reconciler takes due jobs in turns per account and tenant) and those waiting to retry in Provisioning started.
 * Several instances may run at once: each due job is claimed by one.
 */
@ApplicationScoped
public class ReconcileDueJobs {

    private static final Logger LOG = Logger.getLogger(ReconcileDueJobs.class);

    private final JobStore jobs;
    private final Clouds cloud;
    private final ProvisionEndpoint provision;
    private final RunOperation operations;
    private final ReactiveContext context;
    private final JobViews views;
    private final JobDecisions decisions;
    private final JobSteps steps;
    private final ProvisionerConfig config;
    private final JobEventPublisher events;
    private final Tracer tracer;
    private final AcceptPriority priority;
    private final Clock clock;

    public ReconcileDueJobs(JobStore jobs, Clouds cloud, ProvisionEndpoint provision, RunOperation operations,
            ReactiveContext context, JobViews views, JobDecisions decisions, JobSteps steps, ProvisionerConfig config,
            JobEventPublisher events, Tracer tracer, AcceptPriority priority, Clock clock) {
        this.jobs = jobs;
        this.cloud = cloud;
        this.provision = provision;
        this.operations = operations;
        this.context = context;
        this.views = views;
        this.decisions = decisions;
        this.steps = steps;
        this.config = config;
        this.events = events;
        this.tracer = tracer;
        this.priority = priority;
        this.clock = clock;
    }

    /**
     * With {@code handOff} (the in-process timer, whose process lives on), a create call or a poll that must wait for
     * its account's turn is left waiting under its lease, and the pass goes on without it. While accepts are under way
     * the pass waits for them once (AcceptPriority), then claims a few jobs of each account
     * (privatelink.reconciler.per-account-while-accepting): a long pass of a burst's jobs would hold every other
     * account's due jobs until it ended, where a short one takes each account's next jobs in their turns and lets the
     * next pass take those due since.
     */
    public Uni<ReconcileSummary> pass(boolean handOff) {
        ProvisionerConfig.Reconciler reconciler = config.reconciler();
        return priority.turn().chain(() -> {
            Instant now = clock.instant();
            int perAccount = priority.busy() ? reconciler.perAccountWhileAccepting() : reconciler.perAccount();
            return context.run(back -> jobs.claimDue(now, reconciler.batchSize(), perAccount,
                    now.plus(config.retry().callLease())));
        }).flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().item(new ReconcileSummary(0, 0, 0))
                : Multi.createFrom().iterable(claimed)
                        // Each job on its own context, hence its own database session.
                        .onItem().transformToUni(job -> context.run(back -> handle(job, handOff, back))
                                .onFailure().recoverWithItem(e -> {
                                    LOG.warnf("reconciling job %s failed: %s", job.jobId, e.toString());
                                    return job.status;
                                }))
                        .merge(reconciler.concurrency())
                        .collect().asList()
                        .map(ReconcileDueJobs::summary));
    }

    private static ReconcileSummary summary(List<JobStatus> handled) {
        long polled = handled.stream().filter(s -> s == JobStatus.Creating || s == JobStatus.AwaitingAcceptance)
                .count();
        return new ReconcileSummary(handled.size(), handled.size() - polled, polled);
    }

    private Uni<JobStatus> handle(VpcEndpointJob job, boolean handOff, Executor back) {
        if (job.operation != Operation.Create) {
            return operations.step(job).replaceWith(job.status);
        }
        if (job.status == JobStatus.Creating || job.status == JobStatus.AwaitingAcceptance) {
            // The poll joins the trace of the request that created the job.
            Span span = tracer.spanBuilder("ReconcileVpcEndpointJobs poll").setParent(Tracing.of(job)).startSpan();
            span.makeCurrent();
            Tracing.tag(job);
            Uni<Void> polled = events.afterMove(poll(job, back), job.jobId).onTermination().invoke(span::end);
            if (handOff && cloud.of(job.account, job.callerTenant).backlog(PrivateLinkClient.OBSERVE)
                    .compareTo(config.reconciler().handOffAfter()) > 0) {
                // A poll that waits for its account's turn goes on under its lease; the pass does not wait for it.
                polled.subscribe().with(done -> {
                }, e -> LOG.warnf("polling job %s failed: %s", job.jobId, e.toString()));
                return Uni.createFrom().item(job.status);
            }
            return polled.replaceWith(job.status);
        }
        if (job.status == JobStatus.Accepted && cloud.of(job.account, job.callerTenant)
                .backlog(PrivateLinkClient.CREATE).compareTo(config.accept().resendAfter()) > 0) {
            // Its tenant's creates in this account wait longer than its command would: it gains nothing by going
            // now, and its command (or the reconciler, once the claim's lease is over) starts it.
            return Uni.createFrom().item(job.status);
        }
        return provision.provisionClaimed(job.jobId, job.nextAttemptAt, handOff).replaceWith(job.status);
    }

    /**
     * A look at the endpoint (and at its zones, once Active, when the job waits for its connection): true when the job
     * moved (a look that only sets the next one records no event).
     */
    private Uni<Boolean> poll(VpcEndpointJob claimed, Executor back) {
        WaitFor waitFor = WaitFor.of(views.request(claimed), config.retry());
        PrivateLinkClient client = cloud.of(claimed.account, claimed.callerTenant);
        return (waitFor.connection() ? client.observeConnection(claimed.regionId, claimed.endpointId)
                : client.observe(claimed.regionId, claimed.endpointId))
                .emitOn(back)
                .onItemOrFailure().transformToUni((observation, failure) -> jobs.update(claimed.jobId, (job, steps) -> {
                    if (job.status != claimed.status) {
                        return false;
                    }
                    Instant now = clock.instant();
                    Map<String, Object> known = views.endpoint(job);
                    this.steps.record(job, steps, failure == null
                            ? decisions.afterPoll(job, known, observation, waitFor, now)
                            : decisions.afterPollFailed(job, known, CallFailure.of(failure), waitFor, now), now);
                    return !steps.isEmpty();
                }))
                .map(Boolean.TRUE::equals);
    }
}
