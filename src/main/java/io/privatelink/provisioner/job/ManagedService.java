package io.privatelink.provisioner.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An endpoint service the service manages for its owner's tenant: its identity, what the owner wants of it (desired)
 * and what the cloud last showed (observed: attributes, resources, allowed users, connections). Written in the
 * transaction of the job that changed it.
 */
@Entity
@Table(name = "managed_service")
public class ManagedService extends PanacheEntityBase {

    /** Under management (Active), deleted by this service (Deleted), or found gone by the connections' watch (Gone). */
    public enum Status {
        Active, Deleted, Gone
    }

    /** The JobId of the create or adopt job that brought the service in; its later jobs carry it. */
    @Id
    @Column(name = "resource_key")
    public String resourceKey;

    /** The Alibaba account the service lives in. */
    @Column(nullable = false)
    public String account = "";

    @Column(name = "region_id", nullable = false)
    public String regionId;

    @Column(name = "service_id", nullable = false)
    public String serviceId;

    @Column(name = "caller_subject", nullable = false)
    public String callerSubject;

    /** The tenant that owns the service: its publishers change it and decide on its connections. */
    @Column(name = "caller_tenant", nullable = false)
    public String callerTenant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** What the owner wants ({@code ServiceSpec} as JSON). */
    @Column(name = "desired_json", nullable = false)
    public String desiredJson;

    /** The service as last observed ({@code ServiceObservation.view()} as JSON). */
    @Column(name = "observed_json")
    public String observedJson;

    @Column(name = "observed_at")
    public Instant observedAt;

    /** When the watch over its connections looks next. */
    @Column(name = "next_watch_at")
    public Instant nextWatchAt;

    /** The connections the watch knows, by EndpointId (status, since when one waits, what was decided), as JSON. */
    @Column(name = "connections_json")
    public String connectionsJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public JobOwner owner() {
        return new JobOwner(callerSubject, callerTenant);
    }

    /**
     * Whether it is this caller's: its tenant's, every caller of the tenant alike; without a tenant (a token without
     * one, a topic's requests) only its own caller's, as a blank tenant is no team.
     */
    public boolean ownedBy(JobOwner caller) {
        return callerTenant.isEmpty() ? owner().equals(caller) : callerTenant.equals(caller.tenant());
    }
}
