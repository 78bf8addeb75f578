package io.privatelink.provisioner.drivers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.privatelink.provisioner.callbacks.DeliverCallbacks;
import io.privatelink.provisioner.config.CallbacksConfig;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The in-process timer of the callbacks: retries and what a crashed process left under lease (a state change starts
 * its own delivery at once). It follows privatelink.reconciler.every unless privatelink.callbacks.every is set, so
 * that push-driven deployments deliver from the reconciler's invocations instead.
 */
@ApplicationScoped
public class CallbackScheduler extends TimerDriver {

    private final DeliverCallbacks deliver;
    private final String every;

    public CallbackScheduler(DeliverCallbacks deliver, CallbacksConfig callbacks, ProvisionerConfig config) {
        this.deliver = deliver;
        this.every = callbacks.every().orElse(config.reconciler().every());
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        ticker = Ticker.start(vertx, every, "callback", () -> {
            deliver.wake();
            return Uni.createFrom().voidItem();
        });
    }
}
