package io.privatelink.provisioner.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.EndpointSpec;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.config.DriftConfig;
import io.privatelink.provisioner.job.JobEvent;
import io.privatelink.provisioner.job.JobEventFactory;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.ManagedEndpoint;
import io.privatelink.provisioner.job.DriftRecord;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.smallrye.mutiny.Uni;

/**
 * The drift watch: each managed endpoint is observed once per {@code privatelink.drift.every}, at its own offset in
 * the period (so the observations are spread, and the cloud calls go through the same pacing as every other). An
 * endpoint deleted out of band becomes Gone with a {@code privatelink.vpc-endpoint.gone} event; one whose attributes,
 * zones or security groups differ from what its owner wants raises {@code privatelink.vpc-endpoint.drifted} with the
 * differences (once per new set of differences), and shows them in its view until an update puts it back; one whose
 * connection changed (the service's owner disabled or restored it) raises
 * {@code privatelink.vpc-endpoint.connection-changed}. An endpoint
 * with an operation under way is left for the next period: its changes are no drift.
 */
@ApplicationScoped
public class WatchDrift {

    private final DriftRecord endpoints;
    private final Clouds cloud;
    private final ReactiveContext context;
    private final JobViews views;
    private final JobEventFactory eventFactory;
    private final JobEventPublisher events;
    private final DriftConfig config;

    private final Clock clock;

    public WatchDrift(DriftRecord endpoints, Clouds cloud, ReactiveContext context, JobViews views,
            JobEventFactory eventFactory, JobEventPublisher events, DriftConfig config, Clock clock) {
        this.clock = clock;
        this.endpoints = endpoints;
        this.cloud = cloud;
        this.context = context;
        this.views = views;
        this.eventFactory = eventFactory;
        this.events = events;
        this.config = config;
    }

    /** One pass: the endpoints due for observation claimed and observed; answers how many were. */
    public Uni<Integer> pass() {
        Instant now = clock.instant();
        return context.run(back -> endpoints.claimDue(now, config.batchSize(), now.plus(lease())))
                .flatMap(due -> WatchPass.over(due, config.concurrency(), context, this::watch,
                        m -> "endpoint " + m.endpointId));
    }

    /** An observation that meets no answer is tried again within a tenth of the period. */
    private Duration lease() {
        return config.every().dividedBy(10);
    }

    private Uni<Void> watch(ManagedEndpoint claimed, java.util.concurrent.Executor back) {
        return endpoints.busy(claimed.resourceKey).flatMap(busy -> busy ? record(claimed.resourceKey, null)
                : cloud.of(claimed.account, claimed.callerTenant).observeFully(claimed.regionId, claimed.endpointId).emitOn(back)
                        .flatMap(seen -> record(claimed.resourceKey, seen)));
    }

    /** The observation (null: none made, the endpoint busy) recorded, with the events it raised, then published. */
    private Uni<Void> record(String resourceKey, Observation seen) {
        return events.after(endpoints.observed(resourceKey, m -> {
            Instant now = clock.instant();
            m.nextObserveAt = now.plus(config.every());
            if (seen == null) {
                return List.<JobEvent> of();
            }
            m.observedAt = now;
            DriftFinding finding = DriftFinding.of(views.read(m.desiredJson, EndpointSpec.class), seen);
            if (finding instanceof DriftFinding.Gone) {
                m.status = ManagedEndpoint.Status.Gone;
                m.updatedAt = now;
                return List.of(eventFactory.endpointEvent(m, "gone", EndpointQueries.view(m, List.of())));
            }
            Object connectedBefore = m.observedJson == null ? null
                    : views.read(m.observedJson, Map.class).get("ConnectionStatus");
            m.observedJson = views.write(ObservedSpec.view(seen));
            String drift = finding instanceof DriftFinding.Drifted drifted ? views.write(drifted.differences()) : null;
            boolean news = drift != null && !Objects.equals(drift, m.driftJson);
            m.driftJson = drift;
            boolean reconnected = connectedBefore != null && seen.connectionStatus() != null
                    && !connectedBefore.equals(seen.connectionStatus());
            List<JobEvent> raised = new java.util.ArrayList<>();
            if (news || reconnected) {
                m.updatedAt = now;
            }
            if (reconnected) {
                raised.add(eventFactory.endpointEvent(m, "connection-changed", EndpointQueries.view(m, List.of())));
            }
            if (news) {
                raised.add(eventFactory.endpointEvent(m, "drifted", EndpointQueries.view(m, List.of())));
            }
            return raised;
        }), resourceKey).replaceWithVoid();
    }
}
