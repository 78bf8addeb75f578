package io.privatelink.provisioner.job;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** The managed services as the watch over their connections loads and stores them ({@link ManagedServices}). */
public interface ServiceWatchRecord {

    /**
     * Claims up to {@code limit} services whose look is due, pushing it to {@code leaseUntil} so that no other watcher
     * takes them meanwhile.
     */
    Uni<List<ManagedService>> claimDueToWatch(Instant now, int limit, Instant leaseUntil);

    /** Whether an operation on the service is under way (its changes, a delete above all, are not the watch's). */
    Uni<Boolean> busy(String resourceKey);

    /**
     * Locks the service, lets {@code change} alter it and name the events it raised, and commits both, with each
     * event's callback to the service's NotificationUrl (its first job's: its create or adoption); nothing for a
     * service that is no longer Active.
     */
    Uni<List<JobEvent>> watched(String resourceKey, Function<ManagedService, List<JobEvent>> change);
}
