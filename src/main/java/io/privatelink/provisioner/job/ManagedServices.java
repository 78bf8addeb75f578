package io.privatelink.provisioner.job;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The managed endpoint services in PostgreSQL: read for their views, claimed and changed by the connections' watch. */
@ApplicationScoped
public class ManagedServices implements ServiceWatchRecord {

    private static final String DUE = """
            select * from managed_service
            where status = 'Active' and next_watch_at <= :now
            order by next_watch_at
            limit :limit
            for update skip locked""";

    /**
     * Which services a list shows (null: any; owner null for everyone's), and where the previous page ended. A
     * tenant's services are all its callers'; without a tenant, only the caller's own.
     */
    public record Filter(JobOwner owner, ManagedService.Status status, String regionId, Instant afterCreatedAt,
            String afterKey) {
    }

    private static final String BY_SERVICE_ID = """
            select * from managed_service where service_id = $1
            order by case when status = 'Deleted' then 1 else 0 end, created_at desc limit 1""";

    /** The reactive client: the views' reads run without the ORM, which an API instance does not start. */
    private final Pool sql;

    public ManagedServices(Pool sql) {
        this.sql = sql;
    }

    /** The service under this id: the live record, else the newest deleted one; null when the service never had it. */
    public Uni<ManagedService> byServiceId(String serviceId) {
        return sql.preparedQuery(BY_SERVICE_ID).execute(Tuple.of(serviceId)).map(EntityColumns.SERVICE::first);
    }

    /** A page of services, newest first. */
    public Uni<List<ManagedService>> list(Filter f, int limit) {
        SqlWhere where = new SqlWhere().equal("caller_tenant", f.owner() == null ? null : f.owner().tenant())
                .equal("caller_subject", f.owner() == null || !f.owner().tenant().isEmpty() ? null
                        : f.owner().subject()).equal("status", f.status()).equal("region_id", f.regionId())
                .after(f.afterCreatedAt(), "resource_key", f.afterKey());
        return sql.preparedQuery("select * from managed_service where "
                + where.limit("created_at desc, resource_key desc", limit)).execute(where.values)
                .map(EntityColumns.SERVICE::list);
    }

    @Override
    public Uni<List<ManagedService>> claimDueToWatch(Instant now, int limit, Instant leaseUntil) {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(DUE, ManagedService.class)
                        .setParameter("now", now).setParameter("limit", limit).getResultList())
                .invoke(due -> due.forEach(m -> m.nextWatchAt = leaseUntil)));
    }

    @Override
    public Uni<Boolean> busy(String resourceKey) {
        return VpcEndpointJob.anyMovingOn(resourceKey);
    }

    @Override
    public Uni<List<JobEvent>> watched(String resourceKey, Function<ManagedService, List<JobEvent>> change) {
        return Panache.withTransaction(() -> ManagedService.<ManagedService> findById(resourceKey,
                LockModeType.PESSIMISTIC_WRITE).flatMap(m -> {
                    if (m == null || m.status != ManagedService.Status.Active) {
                        return Uni.createFrom().item(List.<JobEvent> of());
                    }
                    List<JobEvent> raised = change.apply(m);
                    if (raised.isEmpty()) {
                        return Uni.createFrom().item(raised);
                    }
                    return VpcEndpointJob.<VpcEndpointJob> find("coalesce(resourceKey, jobId) = ?1 order by seq",
                            resourceKey).firstResult().flatMap(root -> {
                        List<Callback> callbacks = root == null || root.notificationUrl == null ? List.of()
                                : raised.stream().map(e -> Callback.of(root, e)).toList();
                        return JobEvent.persist(raised).chain(() -> callbacks.isEmpty() ? Uni.createFrom().voidItem()
                                : Callback.persist(callbacks)).replaceWith(raised);
                    });
                }));
    }
}
