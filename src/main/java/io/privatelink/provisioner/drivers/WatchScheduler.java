package io.privatelink.provisioner.drivers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.provisioning.ReconcileJobs;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The in-process timer of the passes beside the jobs' (stale events, drift, the services' connection requests), every
 * privatelink.reconciler.every and off with it; apart from the jobs' own timer, so that a drift look waiting for its
 * account's pacing never holds a due poll. Push-driven deployments run them in each ReconcileVpcEndpointJobs pass.
 */
@ApplicationScoped
public class WatchScheduler extends TimerDriver {

    private final ReconcileJobs reconcile;
    private final ReactiveContext context;
    private final String every;

    public WatchScheduler(ReconcileJobs reconcile, ReactiveContext context, ProvisionerConfig config) {
        this.reconcile = reconcile;
        this.context = context;
        this.every = config.reconciler().every();
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        ticker = Ticker.start(vertx, every, "watch", () -> context.run(back -> reconcile.besideJobs()));
    }
}
