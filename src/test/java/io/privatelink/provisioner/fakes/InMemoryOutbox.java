package io.privatelink.provisioner.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.privatelink.provisioner.job.Callback;
import io.privatelink.provisioner.job.CallbackAttempt;
import io.privatelink.provisioner.job.CallbackOutbox;
import io.smallrye.mutiny.Uni;

/**
 * The callbacks' outbox in memory, for the delivery's unit tests: a job's deliveries one at a time in order, no more
 * of a receiver than its free connections, each claim leased. The SQL that does the same is CallbackRepositoryTest's.
 */
public final class InMemoryOutbox implements CallbackOutbox {

    private final List<Callback> deliveries = new ArrayList<>();
    private final List<CallbackAttempt> attempts = new ArrayList<>();

    /** A delivery of {@code jobId}'s event to {@code host}, due at {@code at}. */
    public synchronized Callback add(String jobId, String host, Instant at) {
        Callback c = new Callback();
        c.id = (long) deliveries.size() + 1;
        c.jobId = jobId;
        c.host = host;
        c.url = "https://" + host + "/hooks";
        c.eventId = "event-" + c.id;
        c.eventType = "privatelink.vpc-endpoint.job.active";
        c.createdAt = at;
        c.nextAttemptAt = at;
        deliveries.add(c);
        return c;
    }

    public synchronized List<CallbackAttempt> attempts(long callbackId) {
        return attempts.stream().filter(a -> a.callbackId == callbackId).toList();
    }

    @Override
    public synchronized Uni<List<Callback>> claimDue(Instant now, int limit, int perHost, Map<String, Integer> underWay,
            Instant leaseUntil) {
        List<Callback> claimed = new ArrayList<>();
        Set<String> headsSeen = new HashSet<>();
        for (Callback c : deliveries) {
            if (c.outcome != null || !headsSeen.add(c.jobId)) {
                continue;
            }
            long busy = underWay.getOrDefault(c.host, 0) + claimed.stream().filter(o -> o.host.equals(c.host)).count();
            if (claimed.size() < limit && !c.nextAttemptAt.isAfter(now) && busy < perHost) {
                c.nextAttemptAt = leaseUntil;
                claimed.add(c);
            }
        }
        return Uni.createFrom().item(claimed);
    }

    @Override
    public synchronized Uni<Void> attempted(Attempted attempted) {
        Callback c = deliveries.get((int) attempted.callbackId() - 1);
        c.attempts++;
        c.outcome = attempted.outcome();
        c.nextAttemptAt = attempted.outcome() == null ? attempted.nextAttemptAt() : null;
        attempted.attempt().callbackId = c.id;
        attempts.add(attempted.attempt());
        return Uni.createFrom().voidItem();
    }
}
