package io.privatelink.provisioner.drivers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobHistoryEntry;
import io.privatelink.provisioner.job.JobObserver;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.provisioning.ReconcileJobs;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The in-process timer of ReconcileVpcEndpointJobs, every privatelink.reconciler.every from the start to the stop, and
 * at the moment a job committed here falls due when that comes before the next tick (a poll 0.3 s after a create, a
 * look after a change settles); "off" turns it off for push-driven deployments, where a PingSource or timer trigger
 * calls the function.
 */
@ApplicationScoped
public class ReconcileScheduler extends TimerDriver implements JobObserver {

    private final ReconcileJobs reconcile;
    private final ReactiveContext context;
    private final Clock clock;
    private final String every;

    public ReconcileScheduler(ReconcileJobs reconcile, ReactiveContext context, Clock clock, ProvisionerConfig config) {
        this.reconcile = reconcile;
        this.context = context;
        this.clock = clock;
        this.every = config.reconciler().every();
    }

    @Override
    public void committed(VpcEndpointJob job, List<JobHistoryEntry> steps) {
        Instant due = job.nextAttemptAt;
        if (due != null) {
            ticker.ifPresent(t -> t.soon(Duration.between(clock.instant(), due)));
        }
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        ticker = Ticker.start(vertx, every, "reconciler", () -> context.run(back -> reconcile.pass(true)));
    }
}
