package io.privatelink.provisioner.job;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The callbacks' outbox: claiming the deliveries due, and recording each attempt and how a delivery ended. Written on
 * the reactive client, like the accept's hot path: a claim is one statement whatever it takes, and the attempts that
 * end while one batch is being written go together in the next (one statement, one commit), so that a burst of ends
 * costs the database a few round trips instead of four per delivery.
 */
@ApplicationScoped
public class CallbackRepository implements CallbackOutbox {

    /**
     * The deliveries due that head their job's (a job's go one at a time, in order), oldest due first, no more of a
     * receiver than its free connections here ($4 less its attempts under way, $2 and $3); leased until $6.
     */
    private static final String CLAIM = """
            with busy as (select * from unnest($2::text[], $3::int[]) as b(host, under_way)),
            claimed as (
                select c.id from vpc_endpoint_callback c
                join (select id, host, row_number() over (partition by host order by next_attempt_at, id) as place
                    from vpc_endpoint_callback d
                    where d.outcome is null and d.next_attempt_at <= $1
                        and not exists (select 1 from vpc_endpoint_callback p
                            where p.job_id = d.job_id and p.outcome is null and p.id < d.id)) due on due.id = c.id
                left join busy b on b.host = due.host
                where c.outcome is null and c.next_attempt_at <= $1 and due.place + coalesce(b.under_way, 0) <= $4
                order by c.next_attempt_at, c.id
                limit $5
                for update of c skip locked)
            update vpc_endpoint_callback c set next_attempt_at = $6 from claimed where c.id = claimed.id
            returning c.*""";

    private static final String RECORD = """
            with attempt as (
                select * from unnest($1::bigint[], $2::timestamptz[], $3::int[], $4::text[], $5::int[], $6::text[],
                    $7::timestamptz[]) as a(callback_id, at, status, error, millis, outcome, next_attempt_at)),
            ended as (
                update vpc_endpoint_callback c set attempts = c.attempts + 1,
                    outcome = a.outcome,
                    ended_at = case when a.outcome is null then null else a.at end,
                    next_attempt_at = case when a.outcome is null then a.next_attempt_at else c.next_attempt_at end
                from attempt a where c.id = a.callback_id)
            insert into vpc_endpoint_callback_attempt (callback_id, at, status, error, millis)
            select callback_id, at, status, error, millis from attempt""";

    /** Attempts in one statement at most: a burst's ends in a few batches, each statement of a bounded size. */
    private static final int BATCH = 256;

    private final Pool sql;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    public CallbackRepository(Pool sql) {
        this.sql = sql;
    }

    /**
     * Claims up to {@code limit} due deliveries, at most {@code perHost} of a receiver less its attempts under way
     * here ({@code underWay}, by host), pushing their next attempt to {@code leaseUntil}: no other process takes them
     * meanwhile, and one that dies during its attempt leaves them to be tried again (at least once).
     */
    @Override
    public Uni<List<Callback>> claimDue(Instant now, int limit, int perHost, Map<String, Integer> underWay,
            Instant leaseUntil) {
        List<String> hosts = List.copyOf(underWay.keySet());
        Tuple args = Tuple.tuple().addOffsetDateTime(JobRows.utc(now))
                .addArrayOfString(hosts.toArray(String[]::new))
                .addArrayOfInteger(hosts.stream().map(underWay::get).toArray(Integer[]::new))
                .addInteger(perHost).addInteger(limit).addOffsetDateTime(JobRows.utc(leaseUntil));
        return sql.preparedQuery(CLAIM).execute(args).map(rows -> {
            List<Callback> claimed = new ArrayList<>();
            for (Row row : rows) {
                claimed.add(callback(row));
            }
            return claimed;
        });
    }

    /** Records an attempt with the others that end meanwhile; the answer comes once they are committed. */
    @Override
    public Uni<Void> attempted(Attempted attempted) {
        return Uni.createFrom().emitter(emitter -> {
            waiting.add(new Pending(attempted, emitter));
            write();
        });
    }

    private void write() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < BATCH && (p = waiting.poll()) != null;) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            // An attempt queued between the poll and the flag's release would otherwise wait for the next one.
            if (!waiting.isEmpty()) {
                write();
            }
            return;
        }
        sql.preparedQuery(RECORD).execute(columns(batch)).subscribe().with(done -> {
            written();
            batch.forEach(p -> p.emitter().complete(null));
        }, failure -> {
            written();
            batch.forEach(p -> p.emitter().fail(failure));
        });
    }

    private void written() {
        writing.set(false);
        write();
    }

    private static Tuple columns(List<Pending> batch) {
        List<Attempted> all = batch.stream().map(Pending::attempted).toList();
        Tuple t = Tuple.tuple();
        t.addArrayOfLong(all.stream().map(Attempted::callbackId).toArray(Long[]::new));
        t.addArrayOfOffsetDateTime(all.stream().map(a -> JobRows.utc(a.attempt().at)).toArray(OffsetDateTime[]::new));
        t.addArrayOfInteger(all.stream().map(a -> a.attempt().status).toArray(Integer[]::new));
        t.addArrayOfString(all.stream().map(a -> a.attempt().error).toArray(String[]::new));
        t.addArrayOfInteger(all.stream().map(a -> a.attempt().millis).toArray(Integer[]::new));
        t.addArrayOfString(all.stream().map(a -> a.outcome() == null ? null : a.outcome().name())
                .toArray(String[]::new));
        t.addArrayOfOffsetDateTime(all.stream().map(a -> JobRows.utc(a.nextAttemptAt())).toArray(OffsetDateTime[]::new));
        return t;
    }

    private static Callback callback(Row row) {
        Callback c = new Callback();
        c.id = row.getLong("id");
        c.jobId = row.getString("job_id");
        c.callerTenant = row.getString("caller_tenant");
        c.url = row.getString("url");
        c.host = row.getString("host");
        c.eventId = row.getString("event_id");
        c.eventType = row.getString("event_type");
        c.payload = row.getString("payload");
        c.createdAt = JobRows.instant(row.getOffsetDateTime("created_at"));
        c.nextAttemptAt = JobRows.instant(row.getOffsetDateTime("next_attempt_at"));
        c.attempts = row.getInteger("attempts");
        return c;
    }

    /** An attempt waiting for its batch. */
    private record Pending(Attempted attempted, UniEmitter<? super Void> emitter) {
    }
}
