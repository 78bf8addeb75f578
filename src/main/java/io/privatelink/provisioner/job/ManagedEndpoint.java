package io.privatelink.provisioner.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An endpoint the service manages: its identity, what its owner wants of it (desired), what the cloud last showed
 * (observed, and when), and how the two differ (drift). Written in the transaction of the job that changed it.
 */
@Entity
@Table(name = "managed_endpoint")
public class ManagedEndpoint extends PanacheEntityBase {

    /** Under management (Active), deleted by this service (Deleted), or found gone by the drift watch (Gone). */
    public enum Status {
        Active, Deleted, Gone
    }

    /** The JobId of the create or adopt job that brought the endpoint in; its later jobs carry it. */
    @Id
    @Column(name = "resource_key")
    public String resourceKey;

    /** The Alibaba account the endpoint lives in. */
    @Column(nullable = false)
    public String account = "";

    @Column(name = "region_id", nullable = false)
    public String regionId;

    @Column(name = "endpoint_id", nullable = false)
    public String endpointId;

    @Column(name = "caller_subject", nullable = false)
    public String callerSubject;

    @Column(name = "caller_tenant", nullable = false)
    public String callerTenant;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The desired attributes, security groups and zones ({@code EndpointSpec} as JSON). */
    @Column(name = "desired_json", nullable = false)
    public String desiredJson;

    /** The endpoint as last observed ({@code EndpointSpec} and the cloud's attributes, as JSON). */
    @Column(name = "observed_json")
    public String observedJson;

    @Column(name = "observed_at")
    public Instant observedAt;

    /** How observed differs from desired, as the drift watch last found it; null when they agree. */
    @Column(name = "drift_json")
    public String driftJson;

    @Column(name = "next_observe_at")
    public Instant nextObserveAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public JobOwner owner() {
        return new JobOwner(callerSubject, callerTenant);
    }
}
