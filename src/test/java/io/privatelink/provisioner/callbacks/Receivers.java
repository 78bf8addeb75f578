package io.privatelink.provisioner.callbacks;

import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.privatelink.provisioner.config.CallbacksConfig;
import io.privatelink.provisioner.job.CallbackOutbox;
import io.smallrye.mutiny.Uni;

/** The delivery of callbacks to receivers that all answer 204 at once, for tests outside this package. */
public final class Receivers {

    private Receivers() {
    }

    public static DeliverCallbacks answering204(CallbackOutbox outbox, CallbacksConfig config, Clock clock) {
        return new DeliverCallbacks(outbox, callback -> Uni.createFrom().item(new DeliveryDecisions.Answered(204, null)),
                config, new SimpleMeterRegistry(), clock);
    }
}
