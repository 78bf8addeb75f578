package io.privatelink.provisioner.job;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a job stands; terminal states never change. A create goes Accepted, Provisioning, Creating, (AwaitingAcceptance
 * while its endpoint is Active but the service's owner has not accepted its connection,) Active; an
 * operation on a managed endpoint goes Accepted, (Queued behind an earlier operation on the same endpoint,) its
 * working state (Deleting, Updating, Adopting), its end (Deleted, Updated, Adopted); a service owner's decision on a
 * connection likewise (Accepting to Connected, Rejecting to Disconnected); an operation on an endpoint service too
 * (its create as an endpoint's: Provisioning, Creating once the service has its id, Active). Any state that still moves may
 * end Failed; one that has not reached the cloud may end Cancelled.
 */
public enum JobStatus {
    Accepted, Queued, Provisioning, Creating, AwaitingAcceptance, Active, Deleting, Deleted, Updating, Updated,
    Adopting, Adopted, Accepting, Connected, Rejecting, Disconnected, Cancelled, Failed;

    private static final Set<JobStatus> TERMINAL = EnumSet.of(Active, Deleted, Updated, Adopted, Connected,
            Disconnected, Cancelled, Failed);

    /**
     * The states that still move as a SQL list, in the enum's order: the reconciler's due index (V11__connections.sql)
     * has this very predicate, so that PostgreSQL can use it (JobStatusTest holds the two together).
     */
    public static final String MOVING_SQL = moving().stream().map(s -> "'" + s.name() + "'")
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** Whether a job in this state has not reached the cloud yet (and may still be cancelled without a call). */
    public boolean beforeTheCloud() {
        return this == Accepted || this == Queued;
    }

    /** The states that still move: the reconciler's due index lists the same ones (V11__connections.sql). */
    public static Set<JobStatus> moving() {
        return EnumSet.complementOf(EnumSet.copyOf(TERMINAL));
    }

    /**
     * The states this one may move to (a working state to itself: a retried call, or an operation's next step).
     */
    public Set<JobStatus> next() {
        return switch (this) {
            // A delete of what no job made ends at once, without a call.
            case Accepted -> EnumSet.of(Provisioning, Queued, Deleting, Updating, Adopting, Accepting, Rejecting,
                    Deleted, Cancelled, Failed);
            case Queued -> EnumSet.of(Deleting, Updating, Adopting, Accepting, Rejecting, Deleted, Cancelled, Failed);
            case Provisioning -> EnumSet.of(Provisioning, Creating, Failed);
            // A service's create steps while its service is Creating.
            case Creating -> EnumSet.of(Creating, AwaitingAcceptance, Active, Failed);
            case AwaitingAcceptance -> EnumSet.of(Active, Failed);
            case Deleting -> EnumSet.of(Deleting, Deleted, Failed);
            case Updating -> EnumSet.of(Updating, Updated, Failed);
            case Adopting -> EnumSet.of(Adopting, Adopted, Failed);
            case Accepting -> EnumSet.of(Accepting, Connected, Failed);
            case Rejecting -> EnumSet.of(Rejecting, Disconnected, Failed);
            case Active, Deleted, Updated, Adopted, Connected, Disconnected, Cancelled, Failed ->
                    EnumSet.noneOf(JobStatus.class);
        };
    }

    public boolean canMoveTo(JobStatus target) {
        return next().contains(target);
    }

    /** The suffix of the CloudEvent type for a change into this state. */
    public String eventName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
