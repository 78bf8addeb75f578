package io.privatelink.simulator;

import java.time.Instant;
import java.util.List;

import io.privatelink.simulator.SimulatorSeed.Service;

/**
 * One endpoint service as the simulated cloud keeps it: its owner, its attributes, resources and allowed users (the
 * seed's shape), and the clocks its status is derived from (made, being changed until, deleted), so that it moves on
 * by itself and survives restarts. A seeded service has no clocks: it was there, as its seed says, from the start.
 */
public record SimulatedService(
        String ownerAccountId,
        Service service,
        Instant createTime,
        /** Pending (a resource attached or detached) until then. */
        Instant pendingUntil,
        Instant deleteTime,
        String clientToken,
        String requestSignature,
        /** The ClientTokens of the changes made to it, each with its request's signature ("token=action:signature"). */
        List<String> changeTokens) {

    public SimulatedService {
        changeTokens = changeTokens == null ? List.of() : List.copyOf(changeTokens);
    }

    SimulatedService with(Service changed, Instant pending, List<String> tokens) {
        return new SimulatedService(ownerAccountId, changed, createTime, pending, deleteTime, clientToken,
                requestSignature, tokens);
    }

    SimulatedService deleted(Instant at) {
        return new SimulatedService(ownerAccountId, service, createTime, pendingUntil, at, clientToken,
                requestSignature, changeTokens);
    }
}
