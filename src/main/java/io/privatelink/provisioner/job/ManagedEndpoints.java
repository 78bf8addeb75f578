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

    /** The endpoint under this id: the live record, else the newest deleted one; null when the service never had it. */
    public Uni<ManagedEndpoint> byEndpointId(String endpointId) {
        return Panache.withSession(() -> ManagedEndpoint.<ManagedEndpoint> find(
                "endpointId = ?1 order by case when status = ?2 then 1 else 0 end, createdAt desc", endpointId,
                ManagedEndpoint.Status.Deleted).firstResult());
    }

    /** A page of endpoints, newest first. */
    public Uni<List<ManagedEndpoint>> list(Filter f, int limit) {
        ListingQuery q = new ListingQuery().equal("callerTenant", f.owner() == null ? null : f.owner().tenant())
                .equal("callerSubject", f.owner() == null ? null : f.owner().subject()).equal("status", f.status())
                .equal("regionId", f.regionId()).after(f.afterCreatedAt(), f.afterKey());
        return Panache.withSession(() -> ManagedEndpoint.<ManagedEndpoint> find(q.query(), q.parameters())
                .page(0, limit).list());
    }

    /** How many of the owner's endpoints (everyone's, for null) there are in each status. */
    public Uni<Map<String, Long>> counts(JobOwner owner) {
        String where = owner == null ? "" : " where callerTenant = :tenant and callerSubject = :subject";
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> {
            var query = s.createQuery("select status, count(*) from ManagedEndpoint" + where + " group by status",
                    Object[].class);
            if (owner != null) {
                query.setParameter("tenant", owner.tenant()).setParameter("subject", owner.subject());
            }
            return query.getResultList();
        })).map(rows -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            rows.forEach(r -> counts.put(r[0].toString(), (Long) r[1]));
            return counts;
        });
    }

    /** The jobs of these endpoints (by the key their jobs share), oldest first. */
    public Uni<List<VpcEndpointJob>> jobsOf(List<String> resourceKeys) {
        if (resourceKeys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> VpcEndpointJob.<VpcEndpointJob> find(
                "coalesce(resourceKey, jobId) in ?1 order by seq", resourceKeys).list());
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
