package io.privatelink.provisioner.job;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Jobs and their history in PostgreSQL; every method runs its own transaction. */
@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<VpcEndpointJob, String>, JobStore {

    private final JobEventFactory events;
    /** Every observer of committed changes (metrics and logs, the callbacks' wake-up). */
    private final JobObserver observer;
    /** The reactive client beneath Hibernate Reactive, for the hot paths (accept, status), written without the ORM. */
    private final Pool sql;
    private final GroupCommit groupCommit;

    private final Clock clock;

    public JobRepository(JobEventFactory events, @io.quarkus.arc.All List<JobObserver> observers, Pool sql,
            GroupCommit groupCommit, Clock clock) {
        this.clock = clock;
        this.groupCommit = groupCommit;
        this.events = events;
        List<JobObserver> all = List.copyOf(observers);
        this.observer = (job, steps) -> all.forEach(o -> o.committed(job, steps));
        this.sql = sql;
    }

    /**
     * The due jobs in turns: the first due of each account and tenant, then the second of each, and so on, so that a
     * pass takes a small request's job along with a large burst's instead of after it; and at most :perAccount of
     * one account, so that a pass takes no more of an account's work than its pacing does in a pass or two. Polls
     * first: a burst's creates still Accepted would otherwise take every place while its endpoints wait to be seen.
     */
    private static final String DUE = """
            with claimed as (
                select j.job_id, d.turn, j.next_attempt_at as due_at from vpc_endpoint_job j
                join (select job_id, turn,
                        row_number() over (partition by account order by turn, next_attempt_at) as place
                    from (select job_id, account, next_attempt_at,
                            row_number() over (partition by account, caller_tenant
                                order by status = 'Creating' desc, next_attempt_at) as turn
                        from vpc_endpoint_job
                        where status in """ + JobStatus.MOVING_SQL + """
                            and next_attempt_at <= $1) due) d on d.job_id = j.job_id
                where j.status in """ + JobStatus.MOVING_SQL + """
                    and j.next_attempt_at <= $1 and d.place <= $2
                order by d.turn, j.next_attempt_at
                limit $3
                for update of j skip locked)
            update vpc_endpoint_job j set next_attempt_at = $4, version = j.version + 1
            from claimed c where j.job_id = c.job_id
            returning j.*, c.turn as claimed_turn, c.due_at as claimed_due_at""";

    /**
     * Records a new job with its first history row and event (in its batch's one statement: GroupCommit), unless its
     * owner's ClientToken is taken: then the job that holds it comes back. Concurrent identical requests therefore make
     * exactly one job.
     */
    @Override
    public Uni<Accepted> accept(VpcEndpointJob job, String detail) {
        JobHistoryEntry first = JobHistoryEntry.of(job.jobId, job.status, job.createdAt, detail);
        JobEvent event = events.event(job, List.of(first), first);
        return groupCommit.insert(new GroupCommit.NewJob(job, detail, event)).map(holder -> {
            boolean created = holder.jobId.equals(job.jobId);
            if (created) {
                observer.committed(job, List.of(first));
            }
            return new Accepted(holder, created);
        });
    }

    /**
     * Records a job that was refused before it could run (a request from the topic that breaks a rule): Accepted, then
     * Failed in a second transaction, each with its event. Answers false when the ClientToken is already taken.
     */
    @Override
    public Uni<Boolean> recordRefused(VpcEndpointJob job, String errorCode, String errorMessage) {
        return accept(job, "accepted from vpc-endpoint.requests").flatMap(accepted -> !accepted.created()
                ? Uni.createFrom().item(false)
                : update(job.jobId, (stored, steps) -> {
                    stored.errorCode = errorCode;
                    stored.errorMessage = errorMessage;
                    steps.add(stored.moveTo(JobStatus.Failed, errorCode + ": " + errorMessage, stored.createdAt));
                    return true;
                }));
    }

    @Override
    public Uni<VpcEndpointJob> byId(String jobId) {
        return sql.preparedQuery("select * from vpc_endpoint_job where job_id = $1").execute(Tuple.of(jobId))
                .map(JobColumn::first);
    }

    /**
     * The job, its history and its deliveries (with their latest ten attempts: a day of retries makes a hundred) in
     * one statement and one round trip, on the reactive client without the ORM: the
     * status function's hot path, as accept is.
     */
    private static final String WITH_HISTORY = """
            select j.*, coalesce((select json_agg(json_build_object('status', h.job_status, 'at', h.at,
                    'detail', h.detail) order by h.id)
                from vpc_endpoint_job_history h where h.job_id = j.job_id), '[]'::json)::text as history,
                case when j.notification_url is null then null else coalesce((select json_agg(json_build_object(
                    'eventId', c.event_id, 'eventType', c.event_type, 'outcome', c.outcome, 'attempts', c.attempts,
                    'nextAttemptAt', c.next_attempt_at, 'latest', coalesce((select json_agg(json_build_object(
                        'at', a.at, 'status', a.status, 'error', a.error, 'millis', a.millis) order by a.id)
                        from (select * from vpc_endpoint_callback_attempt where callback_id = c.id
                            order by id desc limit 10) a), '[]'::json)) order by c.id)
                    from vpc_endpoint_callback c where c.job_id = j.job_id), '[]'::json)::text end as deliveries
            from vpc_endpoint_job j where j.job_id = $1""";

    @Override
    public Uni<WithHistory> withHistory(String jobId) {
        return sql.preparedQuery(WITH_HISTORY).execute(Tuple.of(jobId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            VpcEndpointJob job = JobColumn.job(row);
            return new WithHistory(job, JobRows.history(job.jobId, row.getString("history")),
                    JobRows.deliveries(row.getString("deliveries")));
        });
    }

    /**
     * The job of {@code owner} with this ClientToken in this account (a token is scoped per account; with no account,
     * the newest in any); with no owner, the newest of anyone's.
     */
    @Override
    public Uni<VpcEndpointJob> byClientToken(JobOwner owner, String account, String clientToken) {
        SqlWhere where = new SqlWhere().equal("client_token", clientToken).owner(owner).equal("account", account);
        return sql.preparedQuery("select * from vpc_endpoint_job where " + where.limit("created_at desc", 1))
                .execute(where.values).map(JobColumn::first);
    }

    @Override
    public Uni<List<JobHistoryEntry>> history(String jobId) {
        return sql.preparedQuery(HISTORY).execute(Tuple.of(jobId)).map(EntityColumns.HISTORY::list);
    }

    private static final String HISTORY = "select * from vpc_endpoint_job_history where job_id = $1 order by id";

    private static final String LOCKED = "select * from vpc_endpoint_job where job_id = $1 for update";
    private static final String SERVICE_LOCKED = "select * from managed_service where resource_key = $1 for update";
    private static final String WAKE_QUEUED = """
            update vpc_endpoint_job set next_attempt_at = $1
            where coalesce(resource_key, job_id) = $2 and status = 'Queued'""";

    /**
     * Locks the job, lets {@code change} alter it and name the history rows it produced, and commits both (the job's
     * row written only when the change altered it). Answers null for an unknown job. On the reactive client without
     * the ORM: a cancel in an API instance takes this path too, and the worker's steps take fewer statements.
     */
    @Override
    public <T> Uni<T> update(String jobId, BiFunction<VpcEndpointJob, List<JobHistoryEntry>, T> change) {
        List<JobHistoryEntry> steps = new java.util.ArrayList<>();
        VpcEndpointJob[] changed = new VpcEndpointJob[1];
        return sql.withTransaction(connection -> connection.preparedQuery(LOCKED).execute(Tuple.of(jobId))
                .flatMap(rows -> {
                    VpcEndpointJob job = JobColumn.first(rows);
                    if (job == null) {
                        return Uni.createFrom().<T> nullItem();
                    }
                    steps.clear();
                    changed[0] = job;
                    List<Object> before = JobColumn.parameters(job);
                    T result = change.apply(job, steps);
                    Uni<Void> written = JobColumn.parameters(job).equals(before) ? Uni.createFrom().voidItem()
                            : write(connection, job);
                    if (steps.isEmpty()) {
                        return written.replaceWith(result);
                    }
                    return written.chain(() -> managed(connection, job)).chain(() -> wakeQueued(connection, job))
                            .chain(() -> history(connection, steps))
                            .chain(() -> connection.preparedQuery(HISTORY).execute(Tuple.of(jobId)))
                            .map(EntityColumns.HISTORY::list)
                            .chain(history -> outboxes(connection, job, history, steps))
                            .replaceWith(result);
                })).invoke(() -> {
                    if (changed[0] != null) {
                        observer.committed(changed[0], List.copyOf(steps));
                    }
                });
    }

    /** The job's row as the change left it, its version moved on as the ORM's would be. */
    private static Uni<Void> write(SqlConnection connection, VpcEndpointJob job) {
        job.version++;
        return connection.preparedQuery(JobColumn.UPDATE).execute(Tuple.from(JobColumn.parameters(job)))
                .replaceWithVoid();
    }

    /** The new history rows, each given the id the database gave it (a step's event shows the history up to it). */
    private static Uni<Void> history(SqlConnection connection, List<JobHistoryEntry> steps) {
        return connection.preparedQuery(EntityColumns.HISTORY.insert())
                .executeBatch(steps.stream().map(EntityColumns.HISTORY::values).toList()).invoke(rows -> {
                    int i = 0;
                    for (io.vertx.mutiny.sqlclient.RowSet<Row> each = rows; each != null; each = each.next()) {
                        steps.get(i++).id = each.iterator().next().getLong(0);
                    }
                }).replaceWithVoid();
    }

    /**
     * The steps' events, for vpc-endpoint.events and, where the job asks for them, for its NotificationUrl: both
     * written in the change's transaction.
     */
    private Uni<Void> outboxes(SqlConnection connection, VpcEndpointJob job, List<JobHistoryEntry> history,
            List<JobHistoryEntry> steps) {
        List<JobEvent> written = steps.stream().map(step -> events.event(job, history, step)).toList();
        List<Callback> callbacks = new java.util.ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (job.notifies(steps.get(i).jobStatus)) {
                callbacks.add(Callback.of(job, written.get(i)));
            }
        }
        return connection.preparedQuery(EntityColumns.EVENT.insert())
                .executeBatch(written.stream().map(EntityColumns.EVENT::values).toList())
                .chain(() -> callbacks.isEmpty() ? Uni.createFrom().voidItem()
                        : connection.preparedQuery(EntityColumns.CALLBACK.insert())
                                .executeBatch(callbacks.stream().map(EntityColumns.CALLBACK::values).toList())
                                .replaceWithVoid());
    }

    /** The managed endpoint or service as the change leaves it, in the change's transaction. */
    private static Uni<Void> managed(SqlConnection connection, VpcEndpointJob job) {
        ManagedEndpoint endpoint = job.managedWrite;
        ManagedService service = job.serviceWrite;
        job.managedWrite = null;
        job.serviceWrite = null;
        if (service != null) {
            return service(connection, service);
        }
        return endpoint == null ? Uni.createFrom().voidItem()
                : connection.preparedQuery(EntityColumns.ENDPOINT.upsert()).execute(EntityColumns.ENDPOINT.values(endpoint))
                        .replaceWithVoid();
    }

    /**
     * A job's write of a managed service: new, or its own fields (status, desired, observed) on the row as it is now,
     * locked, so that what the connections' watch wrote meanwhile (its known connections, its next look) stays.
     */
    private static Uni<Void> service(SqlConnection connection, ManagedService write) {
        return connection.preparedQuery(SERVICE_LOCKED).execute(Tuple.of(write.resourceKey)).flatMap(rows -> {
            ManagedService row = EntityColumns.SERVICE.first(rows);
            if (row == null) {
                return connection.preparedQuery(EntityColumns.SERVICE.insert()).execute(EntityColumns.SERVICE.values(write))
                        .replaceWithVoid();
            }
            row.status = write.status;
            row.desiredJson = write.desiredJson;
            if (write.observedJson != null) {
                row.observedJson = write.observedJson;
                row.observedAt = write.observedAt;
            }
            row.updatedAt = write.updatedAt;
            return connection.preparedQuery(EntityColumns.SERVICE.update()).execute(EntityColumns.SERVICE.values(row))
                    .replaceWithVoid();
        });
    }

    /** A job that ends makes the operations queued behind it on the same endpoint due at once. */
    private static Uni<Void> wakeQueued(SqlConnection connection, VpcEndpointJob job) {
        if (!job.status.isTerminal()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(WAKE_QUEUED).execute(Tuple.of(JobRows.utc(job.updatedAt), job.endpointKey()))
                .replaceWithVoid();
    }

    private static final String EARLIER_MOVING = """
            select job_id from vpc_endpoint_job
            where coalesce(resource_key, job_id) = $1 and seq < $2
                and status in """ + JobStatus.MOVING_SQL + """
            order by seq limit 1""";

    @Override
    public Uni<String> earlierMoving(VpcEndpointJob job) {
        return sql.preparedQuery(EARLIER_MOVING).execute(Tuple.of(job.endpointKey(), job.seq))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** For share: waits for a transaction that has the job locked to change it, then reads what it committed. */
    private static final String STATUS_LOCKED = "select status from vpc_endpoint_job where job_id = $1 for share";

    @Override
    public Uni<Boolean> hasEnded(String jobId) {
        return sql.preparedQuery(STATUS_LOCKED).execute(Tuple.of(jobId)).map(rows -> rows.size() == 0
                || JobStatus.valueOf(rows.iterator().next().getString(0)).isTerminal());
    }

    @Override
    public Uni<ManagedEndpoint> managedEndpoint(String resourceKey) {
        return sql.preparedQuery("select * from managed_endpoint where resource_key = $1")
                .execute(Tuple.of(resourceKey)).map(EntityColumns.ENDPOINT::first);
    }

    @Override
    public Uni<ManagedEndpoint> managedById(String endpointId) {
        return sql.preparedQuery("select * from managed_endpoint where endpoint_id = $1 and status <> 'Deleted' limit 1")
                .execute(Tuple.of(endpointId)).map(EntityColumns.ENDPOINT::first);
    }

    @Override
    public Uni<ManagedService> managedService(String serviceId) {
        return sql.preparedQuery("select * from managed_service where service_id = $1 and status <> 'Deleted' limit 1")
                .execute(Tuple.of(serviceId)).map(EntityColumns.SERVICE::first);
    }

    @Override
    public Uni<VpcEndpointJob> createJobOf(JobOwner owner, String endpointId) {
        SqlWhere where = new SqlWhere().owner(owner).equal("endpoint_id", endpointId)
                .equal("operation", Operation.Create);
        return sql.preparedQuery("select * from vpc_endpoint_job where " + where.limit("created_at desc", 1))
                .execute(where.values).map(JobColumn::first);
    }

    @Override
    public Uni<Long> countDue(Instant now) {
        return Panache.withSession(() -> count("status in ?1 and nextAttemptAt <= ?2", JobStatus.moving(), now));
    }

    /**
     * Hands the job's unpublished events, oldest first, to {@code send} and marks them published when it succeeds.
     * The rows stay locked meanwhile, so that one publisher at a time sends a job's events, in order.
     */
    @Override
    public Uni<Integer> publishPending(String jobId, java.util.function.Function<List<JobEvent>, Uni<Void>> send) {
        // On the reactive client: four statements (the lock, one mark for all), not the ORM's session and a row each.
        return sql.withTransaction(connection -> connection.preparedQuery(PENDING_EVENTS).execute(Tuple.of(jobId))
                .flatMap(rows -> {
                    List<JobEvent> pending = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        JobEvent event = new JobEvent();
                        event.id = row.getLong("id");
                        event.jobId = jobId;
                        event.payload = row.getString("payload");
                        pending.add(event);
                    }
                    if (pending.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Long[] ids = pending.stream().map(e -> e.id).toArray(Long[]::new);
                    return send.apply(pending).chain(() -> connection.preparedQuery(MARK_PUBLISHED)
                            .execute(Tuple.tuple().addOffsetDateTime(JobRows.utc(clock.instant())).addArrayOfLong(ids)))
                            .replaceWith(pending.size());
                }));
    }

    /** A job's unpublished events, oldest first, locked: one publisher at a time sends them, in order. */
    private static final String PENDING_EVENTS = """
            select id, payload from vpc_endpoint_job_event
            where job_id = $1 and published_at is null order by id for update""";
    private static final String MARK_PUBLISHED =
            "update vpc_endpoint_job_event set published_at = $1 where id = any($2)";

    @Override
    public Uni<List<String>> jobsWithStaleEvents(Instant olderThan, int limit) {
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                "select distinct job_id from vpc_endpoint_job_event where published_at is null and created_at < :t limit :n",
                String.class).setParameter("t", olderThan).setParameter("n", limit).getResultList()));
    }

    /**
     * Claims up to {@code limit} unfinished jobs whose next attempt is due, pushing their next attempt to
     * {@code leaseUntil} so that no other reconciler takes them meanwhile (rows locked by one are skipped by others).
     */
    @Override
    public Uni<List<VpcEndpointJob>> claimDue(Instant now, int limit, int perAccount, Instant leaseUntil) {
        // One statement: the claim and its lease, in the turns' order (an update answers its rows in no set order).
        return sql.preparedQuery(DUE).execute(Tuple.of(JobRows.utc(now), perAccount, limit, JobRows.utc(leaseUntil)))
                .map(rows -> {
                    List<Row> claimed = new java.util.ArrayList<>();
                    rows.forEach(claimed::add);
                    claimed.sort(java.util.Comparator.<Row> comparingLong(r -> r.getLong("claimed_turn"))
                            .thenComparing(r -> r.getOffsetDateTime("claimed_due_at")));
                    return claimed.stream().map(JobColumn::job).toList();
                });
    }
}
