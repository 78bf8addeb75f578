package io.privatelink.provisioner.callbacks;

import io.privatelink.provisioner.job.Callback;
import io.smallrye.mutiny.Uni;

/** One attempt of a delivery: the receiver's answer, or why there was none (never a failure). */
interface CallbackAttempts {

    Uni<DeliveryDecisions.Result> attempt(Callback callback);
}
