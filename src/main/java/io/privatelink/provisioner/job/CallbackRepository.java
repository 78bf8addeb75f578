package io.privatelink.provisioner.job;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The callbacks' outbox: claiming the deliveries due, and recording each attempt and how a delivery ended. */
@ApplicationScoped
public class CallbackRepository {

    /**
     * The deliveries due that head their job's (a job's go one at a time, in order), at most :perHost of a receiver
     * and none of the receivers already busy here, oldest due first.
     */
    private static final String DUE = """
            select c.* from vpc_endpoint_callback c
            join (select id, row_number() over (partition by host order by next_attempt_at, id) as place
                from vpc_endpoint_callback d
                where d.outcome is null and d.next_attempt_at <= :now and d.host not in (:busy)
                    and not exists (select 1 from vpc_endpoint_callback p
                        where p.job_id = d.job_id and p.outcome is null and p.id < d.id)) due on due.id = c.id
            where c.outcome is null and c.next_attempt_at <= :now and due.place <= :perHost
            order by c.next_attempt_at, c.id
            limit :limit
            for update of c skip locked""";

    /**
     * Claims up to {@code limit} due deliveries, pushing their next attempt to {@code leaseUntil}: no other process
     * takes them meanwhile, and one that dies during its attempt leaves them to be tried again (at least once).
     */
    public Uni<List<Callback>> claimDue(Instant now, int limit, int perHost, Set<String> busyHosts,
            Instant leaseUntil) {
        // "not in ()" is no SQL: a host name is never empty, so the empty name stands for none busy.
        List<String> busy = busyHosts.isEmpty() ? List.of("") : List.copyOf(busyHosts);
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery(DUE, Callback.class)
                        .setParameter("now", now)
                        .setParameter("busy", busy)
                        .setParameter("perHost", perHost)
                        .setParameter("limit", limit)
                        .getResultList())
                .invoke(claimed -> claimed.forEach(c -> c.nextAttemptAt = leaseUntil)));
    }

    /**
     * An attempt of a claimed delivery: recorded, and the delivery ended with {@code outcome} or (outcome null) due
     * again at {@code nextAttemptAt}.
     */
    public Uni<Void> attempted(long callbackId, CallbackAttempt attempt, Callback.Outcome outcome,
            Instant nextAttemptAt) {
        return Panache.withTransaction(() -> Callback.<Callback> findById(callbackId).flatMap(callback -> {
            callback.attempts++;
            if (outcome != null) {
                callback.outcome = outcome;
                callback.endedAt = attempt.at;
            } else {
                callback.nextAttemptAt = nextAttemptAt;
            }
            attempt.callbackId = callbackId;
            return attempt.persist();
        })).replaceWithVoid();
    }
}
