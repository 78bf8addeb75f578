package io.privatelink.provisioner.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.config.ProvisionerConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * New jobs written together: the accepts that arrive while earlier ones are being written go in one statement, one
 * transaction and one commit (each job with its first history row and event), so that a burst costs the database a
 * commit per batch instead of one per job. A lone accept goes at once, without waiting for company. A job whose
 * owner's ClientToken is already taken in its account (before, or earlier in the same batch) is not written: the job
 * that holds the token answers instead, read for the whole batch in one more statement. The batches in flight are
 * bounded, so that a burst never takes every pooled connection from the work that moves accepted jobs on. Rows go in
 * a fixed order (owner, account, ClientToken), so that concurrent batches take their index locks in the same order;
 * a batch refused for its data (one bad row) is written again row by row, so that the bad row fails alone.
 */
@ApplicationScoped
public class GroupCommit {

    /** A new job, its first history row's detail and its first event. */
    public record NewJob(VpcEndpointJob job, String detail, JobEvent event) {

        /** The host of the first event's callback; null when the job does not ask for it. */
        String callbackHost() {
            return job.notifies(job.status) ? Callback.hostOf(job.notificationUrl) : null;
        }
    }

    /** What goes beside each new job's columns into its history, event and callback rows. */
    private static final Map<String, Function<NewJob, String>> BESIDE = new java.util.LinkedHashMap<>();

    static {
        BESIDE.put("detail", NewJob::detail);
        BESIDE.put("event_type", n -> n.event().eventType);
        BESIDE.put("payload", n -> n.event().payload);
        BESIDE.put("callback_host", NewJob::callbackHost);
        BESIDE.put("event_id", n -> n.event().cloudEventId);
    }

    /**
     * One statement for the batch: its values as one array per column (JobColumn), unnested into rows; the jobs whose
     * token is free are written with their first history row, event and callback.
     */
    private static final String INSERT = insert();

    private static String insert() {
        List<String> arrays = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JobColumn c : JobColumn.WRITTEN) {
            arrays.add("$" + (arrays.size() + 1) + "::" + c.type.sql + "[]");
            names.add(c.column);
        }
        String columns = String.join(", ", names);
        for (String beside : BESIDE.keySet()) {
            arrays.add("$" + (arrays.size() + 1) + "::text[]");
            names.add(beside);
        }
        return """
                with input as (select * from unnest(%s) as i(%s)),
                job as (
                    insert into vpc_endpoint_job (%s)
                    select %s from input
                    on conflict (caller_tenant, caller_subject, account, client_token) do nothing
                    returning job_id),
                history as (
                    insert into vpc_endpoint_job_history (job_id, job_status, at, detail)
                    select i.job_id, i.status, i.created_at, i.detail from input i join job using (job_id)),
                event as (
                    insert into vpc_endpoint_job_event (job_id, event_type, payload, created_at)
                    select i.job_id, i.event_type, i.payload, i.created_at from input i join job using (job_id)),
                callback as (
                    insert into vpc_endpoint_callback (job_id, caller_tenant, url, host, event_id, event_type, payload,
                        created_at, next_attempt_at)
                    select i.job_id, i.caller_tenant, i.notification_url, i.callback_host, i.event_id, i.event_type,
                        i.payload, i.created_at, i.created_at
                    from input i join job using (job_id) where i.callback_host is not null)
                select job_id from job""".formatted(String.join(", ", arrays), String.join(", ", names), columns,
                columns);
    }

    private static final String HOLDERS = """
            select j.* from vpc_endpoint_job j
            join unnest($1::text[], $2::text[], $3::text[], $4::text[]) as k(tenant, subject, account, token)
                on j.caller_tenant = k.tenant and j.caller_subject = k.subject and j.account = k.account
                    and j.client_token = k.token""";

    private static final Comparator<Pending> LOCK_ORDER = Comparator
            .<Pending, String> comparing(p -> p.job().job().callerTenant)
            .thenComparing(p -> p.job().job().callerSubject)
            .thenComparing(p -> p.job().job().account)
            .thenComparing(p -> p.job().job().clientToken);

    private final Pool sql;
    private final int maxRows;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    /** Rows of a batch refused for its data, each written on its own. */
    private final Queue<Pending> alone = new ConcurrentLinkedQueue<>();

    @jakarta.inject.Inject
    public GroupCommit(Pool sql, ProvisionerConfig config) {
        this(sql, config.accept().batchRows(), config.accept().batchesInFlight());
    }

    GroupCommit(Pool sql, int maxRows, int maxInFlight) {
        this.sql = sql;
        this.maxRows = maxRows;
        this.maxInFlight = maxInFlight;
    }

    /**
     * Writes the job unless its owner's ClientToken is taken; answers the job that holds the token once committed
     * (this one, or the one that had it). An accept given up (its subscriber cancelled) before its batch goes out is
     * not written.
     */
    public Uni<VpcEndpointJob> insert(NewJob job) {
        return Uni.createFrom().emitter(emitter -> {
            Pending pending = new Pending(job, emitter, Vertx.currentContext(), new AtomicBoolean());
            emitter.onTermination(() -> pending.over().set(true));
            waiting.add(pending);
            pump();
        });
    }

    private void pump() {
        while (!waiting.isEmpty() || !alone.isEmpty()) {
            int n = inFlight.get();
            if (n >= maxInFlight) {
                return;
            }
            if (!inFlight.compareAndSet(n, n + 1)) {
                continue;
            }
            List<Pending> batch = take();
            if (batch.isEmpty()) {
                inFlight.decrementAndGet();
                continue;
            }
            write(batch);
        }
    }

    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>();
        Pending single = alone.poll();
        if (single != null) {
            batch.add(single);
            return batch;
        }
        for (Pending p; batch.size() < maxRows && (p = waiting.poll()) != null;) {
            if (!p.over().get()) {
                batch.add(p);
            }
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        batch.sort(LOCK_ORDER);
        sql.preparedQuery(INSERT).execute(columns(batch)).flatMap(rows -> {
            Set<String> written = new HashSet<>();
            for (Row row : rows) {
                written.add(row.getString(0));
            }
            List<Pending> taken = batch.stream().filter(p -> !written.contains(p.job().job().jobId)).toList();
            return taken.isEmpty() ? Uni.createFrom().item(Map.<String, VpcEndpointJob> of()) : holders(taken);
        }).subscribe().with(holders -> {
            finished();
            batch.forEach(p -> {
                VpcEndpointJob job = p.job().job();
                VpcEndpointJob holder = holders.getOrDefault(key(job), job);
                p.answer(holder, null);
            });
        }, failure -> {
            if (batch.size() > 1 && refusedForItsData(failure)) {
                alone.addAll(batch);
            } else {
                batch.forEach(p -> p.answer(null, failure));
            }
            finished();
        });
    }

    /** The jobs that hold the ClientTokens the batch found taken, by owner and token. */
    private Uni<Map<String, VpcEndpointJob>> holders(List<Pending> taken) {
        Tuple keys = Tuple.of(taken.stream().map(p -> p.job().job().callerTenant).toArray(String[]::new),
                taken.stream().map(p -> p.job().job().callerSubject).toArray(String[]::new),
                taken.stream().map(p -> p.job().job().account).toArray(String[]::new),
                taken.stream().map(p -> p.job().job().clientToken).toArray(String[]::new));
        return sql.preparedQuery(HOLDERS).execute(keys).map(rows -> {
            Map<String, VpcEndpointJob> found = new HashMap<>();
            for (Row row : rows) {
                VpcEndpointJob holder = JobColumn.job(row);
                found.put(key(holder), holder);
            }
            return found;
        });
    }

    private static String key(VpcEndpointJob job) {
        return job.callerTenant + '\u0000' + job.callerSubject + '\u0000' + job.account + '\u0000' + job.clientToken;
    }

    private void finished() {
        inFlight.decrementAndGet();
        pump();
    }

    /** Data exceptions (SQLSTATE 22) and integrity violations other than the ClientToken's (23): one row's fault. */
    private static boolean refusedForItsData(Throwable failure) {
        return failure instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
    }

    private static Tuple columns(List<Pending> batch) {
        Tuple t = Tuple.tuple();
        List<VpcEndpointJob> jobs = batch.stream().map(p -> p.job().job()).toList();
        JobColumn.WRITTEN.forEach(column -> column.addValues(t, jobs));
        BESIDE.values().forEach(value -> t.addArrayOfString(batch.stream().map(p -> value.apply(p.job()))
                .toArray(String[]::new)));
        return t;
    }

    /** An accept waiting for its batch, answered on its own Vert.x context (the one Hibernate Reactive needs). */
    private record Pending(NewJob job, UniEmitter<? super VpcEndpointJob> emitter, Context context,
            AtomicBoolean over) {
        void answer(VpcEndpointJob holder, Throwable failure) {
            Runnable answer = () -> {
                if (failure != null) {
                    emitter.fail(failure);
                } else {
                    emitter.complete(holder);
                }
            };
            if (context != null && Vertx.currentContext() != context) {
                context.runOnContext(v -> answer.run());
            } else {
                answer.run();
            }
        }
    }
}
