package io.privatelink.provisioner.job;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The managed endpoint services in PostgreSQL, read for their views. */
@ApplicationScoped
public class ManagedServices {

    /** Which services a list shows (null: any; tenant null for every tenant's), and where the previous page ended. */
    public record Filter(String tenant, ManagedService.Status status, String regionId, Instant afterCreatedAt,
            String afterKey) {
    }

    /** The service under this id: the live record, else the newest deleted one; null when the service never had it. */
    public Uni<ManagedService> byServiceId(String serviceId) {
        return Panache.withSession(() -> ManagedService.<ManagedService> find(
                "serviceId = ?1 order by case when status = ?2 then 1 else 0 end, createdAt desc", serviceId,
                ManagedService.Status.Deleted).firstResult());
    }

    /** A page of services, newest first. */
    public Uni<List<ManagedService>> list(Filter f, int limit) {
        ListingQuery q = new ListingQuery().equal("callerTenant", f.tenant()).equal("status", f.status())
                .equal("regionId", f.regionId()).after(f.afterCreatedAt(), f.afterKey());
        return Panache.withSession(() -> ManagedService.<ManagedService> find(q.query(), q.parameters())
                .page(0, limit).list());
    }
}
