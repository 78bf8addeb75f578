package io.privatelink.provisioner.drivers;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.callbacks.DeliverCallbacks;
import io.quarkus.scheduler.Scheduled;

/**
 * The in-process timer of the callbacks: retries and what a crashed process left under lease (a state change starts
 * its own delivery at once). It follows privatelink.reconciler.every unless privatelink.callbacks.every is set, so
 * that push-driven deployments deliver from the reconciler's invocations instead.
 */
@ApplicationScoped
public class CallbackScheduler {

    private final DeliverCallbacks deliver;

    public CallbackScheduler(DeliverCallbacks deliver) {
        this.deliver = deliver;
    }

    @Scheduled(every = "${privatelink.callbacks.every:${privatelink.reconciler.every:1s}}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        deliver.wake();
    }
}
