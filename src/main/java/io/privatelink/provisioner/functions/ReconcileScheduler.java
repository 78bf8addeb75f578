package io.privatelink.provisioner.functions;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The in-process timer of ReconcileVpcEndpointJobs. privatelink.reconciler.every=off turns it off for push-driven
 * deployments, where a PingSource or timer trigger calls the function.
 */
@ApplicationScoped
public class ReconcileScheduler {

    private static final Logger LOG = Logger.getLogger(ReconcileScheduler.class);

    private final ReconcileVpcEndpointJobsFunction function;

    public ReconcileScheduler(ReconcileVpcEndpointJobsFunction function) {
        this.function = function;
    }

    @Scheduled(every = "${privatelink.reconciler.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return function.reconcileVpcEndpointJobs().onFailure().recoverWithItem(e -> {
            LOG.warnf("reconciler pass failed: %s", e.toString());
            return null;
        }).replaceWithVoid();
    }
}
