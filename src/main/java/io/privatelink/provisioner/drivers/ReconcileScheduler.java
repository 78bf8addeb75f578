package io.privatelink.provisioner.drivers;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.privatelink.provisioner.provisioning.ReconcileJobs;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The in-process timer of ReconcileVpcEndpointJobs. privatelink.reconciler.every=off turns it off for push-driven
 * deployments, where a PingSource or timer trigger calls the function.
 */
@ApplicationScoped
public class ReconcileScheduler {

    private static final Logger LOG = Logger.getLogger(ReconcileScheduler.class);

    private final ReconcileJobs reconcile;

    public ReconcileScheduler(ReconcileJobs reconcile) {
        this.reconcile = reconcile;
    }

    @Scheduled(every = "${privatelink.reconciler.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return reconcile.pass(true).onFailure().recoverWithItem(e -> {
            LOG.warnf("reconciler pass failed: %s", e.toString());
            return null;
        }).replaceWithVoid();
    }
}
