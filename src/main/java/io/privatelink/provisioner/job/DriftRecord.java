package io.privatelink.provisioner.job;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * The managed endpoints as the drift watch loads and stores them: PostgreSQL in the service
 * ({@link ManagedEndpoints}), memory in the watch's unit tests.
 */
public interface DriftRecord {

    /**
     * Claims up to {@code limit} endpoints whose observation is due, pushing it to {@code leaseUntil} so that no other
     * watcher takes them meanwhile.
     */
    Uni<List<ManagedEndpoint>> claimDue(Instant now, int limit, Instant leaseUntil);

    /** Whether an operation on the endpoint is under way (its changes are no drift). */
    Uni<Boolean> busy(String resourceKey);

    /**
     * Locks the endpoint, lets {@code change} alter it and name the events it raised, and commits both; nothing for an
     * endpoint that is no longer Active.
     */
    Uni<List<JobEvent>> observed(String resourceKey, Function<ManagedEndpoint, List<JobEvent>> change);
}
