package io.privatelink.provisioner.provisioning;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.privatelink.provisioner.api.ReconcileSummary;
import io.privatelink.provisioner.callbacks.DeliverCallbacks;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.privatelink.provisioner.telemetry.JobTelemetry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One reconciler pass, as the in-process timer, a function or a pushed tick runs it: the due jobs moved on
 * (ReconcileDueJobs), the events left unpublished sent, the callbacks due delivered and the endpoints due observed
 * for drift.
 */
@ApplicationScoped
public class ReconcileJobs {

    private static final Logger LOG = Logger.getLogger(ReconcileJobs.class);

    private final ReconcileDueJobs dueJobs;
    private final JobStore jobs;
    private final ReactiveContext context;
    private final ProvisionerConfig config;
    private final JobEventPublisher events;
    private final JobTelemetry telemetry;
    private final WatchDrift drift;
    private final WatchServiceConnections connections;
    private final DeliverCallbacks callbacks;
    private final AcceptPriority priority;
    private final Clock clock;

    public ReconcileJobs(ReconcileDueJobs dueJobs, JobStore jobs, ReactiveContext context, ProvisionerConfig config,
            JobEventPublisher events, JobTelemetry telemetry, WatchDrift drift, WatchServiceConnections connections,
            DeliverCallbacks callbacks, AcceptPriority priority, Clock clock) {
        this.dueJobs = dueJobs;
        this.jobs = jobs;
        this.context = context;
        this.config = config;
        this.events = events;
        this.telemetry = telemetry;
        this.drift = drift;
        this.connections = connections;
        this.callbacks = callbacks;
        this.priority = priority;
        this.clock = clock;
    }

    /** One pass, as a function or a pushed tick runs it: each job's calls done before the pass ends. */
    public Uni<ReconcileSummary> pass() {
        return pass(false);
    }

    /**
     * One pass: the due jobs claimed and moved on, then, for a function's pass (not {@code handOff}), the passes
     * beside them. With {@code handOff} (the in-process timer, whose process lives on), a create call that must wait
     * for its account's turn is left waiting under its lease, as the command consumer leaves it; the passes beside
     * the jobs and the callbacks are left to timers of their own, so that neither a drift look waiting for its
     * account's pacing nor a burst's stale events hold the next due poll. A function's pass delivers the callbacks
     * due before it ends.
     */
    public Uni<ReconcileSummary> pass(boolean handOff) {
        Uni<ReconcileSummary> due = countDue().chain(() -> dueJobs.pass(handOff));
        return handOff ? due
                : due.call(this::publishStaleEvents).call(() -> survived("callback", callbacks.pass(true)))
                        .call(this::driftWatch).call(this::connectionsWatch);
    }

    /**
     * The passes beside the jobs', as the in-process timer runs them (WatchScheduler): the events left unpublished
     * sent, the endpoints due observed for drift, the services due watched for connection requests; after the accepts
     * under way, as the jobs' pass (AcceptPriority). While accepts go on only the services are watched (a connection
     * request may hold a create): a burst's jobs waiting for their begin hold their Accepted events, which go out with
     * the begin's outcome, and a burst's endpoints turning Active fall due for drift by the hundred, so that sending
     * and observing those a pass a second beside a burst cost the accepts half their rate.
     */
    public Uni<Void> besideJobs() {
        return priority.turn().chain(() -> priority.busy() ? Uni.createFrom().voidItem()
                : publishStaleEvents().call(this::driftWatch))
                .call(this::connectionsWatch);
    }

    private Uni<Integer> driftWatch() {
        return survived("drift watch", drift.pass());
    }

    private Uni<Integer> connectionsWatch() {
        return survived("connections watch", connections.pass());
    }

    /** A pass beside the jobs' whose failure is logged, not the reconciler's. */
    private static Uni<Integer> survived(String what, Uni<Integer> pass) {
        return pass.onFailure().recoverWithItem(e -> {
            LOG.warnf("%s pass failed: %s", what, e.toString());
            return 0;
        });
    }

    /** The jobs due before this pass, for the privatelink.jobs.due gauge. */
    private Uni<Long> countDue() {
        return context.run(back -> jobs.countDue(clock.instant())).invoke(telemetry::due)
                .onFailure().recoverWithItem(-1L);
    }

    /** Events whose publisher died, or met no broker, are published by the next pass. */
    private Uni<Void> publishStaleEvents() {
        return context.run(back -> jobs.jobsWithStaleEvents(clock.instant().minusSeconds(10), config.reconciler().batchSize()))
                .flatMap(stale -> Multi.createFrom().iterable(stale)
                        .onItem().transformToUni(jobId -> context.run(back -> events.publish(jobId, back))
                                .onFailure().recoverWithItem(0))
                        // Each job's events in order, the jobs side by side: a burst's 200 take one pass, not seconds.
                        .merge(config.reconciler().concurrency())
                        .collect().last().replaceWithVoid());
    }
}
