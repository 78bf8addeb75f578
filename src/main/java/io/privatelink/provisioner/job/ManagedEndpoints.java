package io.privatelink.provisioner.job;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The managed endpoints in PostgreSQL: read for their views, claimed for the drift watch, changed with their events. */
@ApplicationScoped
public class ManagedEndpoints implements DriftRecord {

    /** Which endpoints a list shows (null: any; owner null for every caller's), and where the previous page ended. */
    public record Filter(JobOwner owner, ManagedEndpoint.Status status, String regionId, Instant afterCreatedAt,
            String afterKey) {
    }

    private static final String DUE = """
            select * from managed_endpoint
            where status = 'Active' and next_observe_at <= :now
            order by next_observe_at
            limit :limit
            for update skip locked""";

    private static final String BY_ENDPOINT_ID = """
            select * from managed_endpoint where endpoint_id = $1
            order by case when status = 'Deleted' then 1 else 0 end, created_at desc limit 1""";
    private static final String JOBS_OF = """
            select * from vpc_endpoint_job where coalesce(resource_key, job_id) = any($1) order by seq""";

    /** The reactive client: the views' reads run without the ORM, which an API instance does not start. */
    private final Pool sql;

    public ManagedEndpoints(Pool sql) {
        this.sql = sql;
    }

    /** The endpoint under this id: the live record, else the newest deleted one; null when the service never had it. */
    public Uni<ManagedEndpoint> byEndpointId(String endpointId) {
        return sql.preparedQuery(BY_ENDPOINT_ID).execute(Tuple.of(endpointId)).map(EntityColumns.ENDPOINT::first);
    }

    /** A page of endpoints, newest first. */
    public Uni<List<ManagedEndpoint>> list(Filter f, int limit) {
        SqlWhere where = new SqlWhere().owner(f.owner()).equal("status", f.status()).equal("region_id", f.regionId())
                .after(f.afterCreatedAt(), "resource_key", f.afterKey());
        return sql.preparedQuery("select * from managed_endpoint where "
                + where.limit("created_at desc, resource_key desc", limit)).execute(where.values)
                .map(EntityColumns.ENDPOINT::list);
    }

    /** How many of the owner's endpoints (everyone's, for null) there are in each status. */
    public Uni<Map<String, Long>> counts(JobOwner owner) {
        SqlWhere where = new SqlWhere().owner(owner);
        return sql.preparedQuery("select status, count(*) as n from managed_endpoint where " + where.sql
                + " group by status").execute(where.values).map(rows -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    rows.forEach(r -> counts.put(r.getString("status"), r.getLong("n")));
                    return counts;
                });
    }

    /** The jobs of these endpoints (by the key their jobs share), oldest first. */
    public Uni<List<VpcEndpointJob>> jobsOf(List<String> resourceKeys) {
        if (resourceKeys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return sql.preparedQuery(JOBS_OF).execute(Tuple.of(resourceKeys.toArray(String[]::new)))
                .map(JobColumn::jobs);
    }

    @Override
    public Uni<List<ManagedEndpoint>> claimDue(Instant now, int limit, Instant leaseUntil) {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery(DUE, ManagedEndpoint.class)
                        .setParameter("now", now)
                        .setParameter("limit", limit)
                        .getResultList())
                .invoke(due -> due.forEach(m -> m.nextObserveAt = leaseUntil)));
    }

    @Override
    public Uni<Boolean> busy(String resourceKey) {
        return VpcEndpointJob.anyMovingOn(resourceKey);
    }

    @Override
    public Uni<List<JobEvent>> observed(String resourceKey, Function<ManagedEndpoint, List<JobEvent>> change) {
        return Panache.withTransaction(() -> ManagedEndpoint.<ManagedEndpoint> findById(resourceKey,
                LockModeType.PESSIMISTIC_WRITE).flatMap(m -> {
                    if (m == null || m.status != ManagedEndpoint.Status.Active) {
                        return Uni.createFrom().item(List.<JobEvent> of());
                    }
                    List<JobEvent> raised = change.apply(m);
                    return raised.isEmpty() ? Uni.createFrom().item(raised)
                            : JobEvent.persist(raised).replaceWith(raised);
                }));
    }
}
