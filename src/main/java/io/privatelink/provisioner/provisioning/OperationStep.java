package io.privatelink.provisioner.provisioning;

import java.time.Instant;

import io.privatelink.provisioner.cloud.CloudChange;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.cloud.ServiceObservation;

/**
 * What an operation does next, as {@link OperationDecisions} (or {@link ServiceDecisions}) decides it; the use case only carries it out. */
public sealed interface OperationStep {

    /** Wait behind the earlier operation {@code behind} on the same endpoint; look again at {@code at}. */
    record Queue(String behind, Instant at) implements OperationStep {
    }

    /** Start on the endpoint (its region and id now known), to end by {@code deadlineAt}. */
    record Start(String regionId, String endpointId, Instant deadlineAt) implements OperationStep {
    }

    /** Make this change now, with the ClientToken {@code token} (derived from the job and the step). */
    record Call(CloudChange change, String token) implements OperationStep {
    }

    /** The change was made (or was already in force): record it as applied and look again at {@code at}. */
    record Applied(String step, Instant at) implements OperationStep {
    }

    /**
     * Look again at {@code at}; {@code failed} when the wait follows a call or an observation that got no answer
     * (it counts toward the backoff), with its code.
     */
    record Wait(Instant at, boolean failed, String code) implements OperationStep {
    }

    /** The operation is done; {@code seen} is the endpoint as last observed (gone, for a delete). */
    record Done(Observation seen, String detail) implements OperationStep {
    }

    /** A service's operation is done; {@code seen} is the service as last observed (gone, for a delete). */
    record ServiceDone(ServiceObservation seen, String detail) implements OperationStep {
    }

    record Fail(String code, String message, String detail) implements OperationStep {
    }
}
