package io.privatelink.provisioner.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import io.privatelink.provisioner.api.ConnectionDecisionRequest;
import io.privatelink.provisioner.api.ServiceSpec;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.cloud.ServiceObservation;
import io.privatelink.provisioner.config.DriftConfig;
import io.privatelink.provisioner.job.JobEvent;
import io.privatelink.provisioner.job.JobEventFactory;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.ManagedService;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.ServiceWatchRecord;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The watch over the managed services' connections: each service is looked at once per
 * {@code privatelink.drift.connections-every}, through its account's pacing like every call. What it sees is recorded
 * (the service's Observed view, its known connections), and {@link ConnectionPolicy} decides on the new requests: an
 * acceptance or a rejection becomes a decision job of the service's owner (Accept/RejectVpcEndpointConnection, on the
 * one accept pipeline, under a ClientToken derived from the connection, so a look repeated after a crash makes no
 * second job); a request held for a person raises {@code privatelink.vpc-endpoint-service.connection-requested}, with a
 * signed callback to the service's NotificationUrl. A service deleted out of band becomes Gone, with a
 * {@code privatelink.vpc-endpoint-service.gone} event.
 */
@ApplicationScoped
public class WatchServiceConnections {

    private static final Logger LOG = Logger.getLogger(WatchServiceConnections.class);
    private static final TypeReference<LinkedHashMap<String, ConnectionPolicy.Known>> KNOWN = new TypeReference<>() {
    };

    /** A decision the policy made, to be accepted as its owner's job once the look is recorded. */
    private record Decision(ManagedService service, ServiceObservation.Connection connection, boolean accept) {
    }

    private final ServiceWatchRecord services;
    private final Clouds cloud;
    private final ReactiveContext context;
    private final JobViews views;
    private final JobEventFactory eventFactory;
    private final JobEventPublisher events;
    private final AcceptJob accept;
    private final AcceptConnectionAdmission accepting;
    private final RejectConnectionAdmission rejecting;
    private final DriftConfig config;
    private final Clock clock;

    public WatchServiceConnections(ServiceWatchRecord services, Clouds cloud, ReactiveContext context, JobViews views,
            JobEventFactory eventFactory, JobEventPublisher events, AcceptJob accept,
            AcceptConnectionAdmission accepting, RejectConnectionAdmission rejecting, DriftConfig config, Clock clock) {
        this.services = services;
        this.cloud = cloud;
        this.context = context;
        this.views = views;
        this.eventFactory = eventFactory;
        this.events = events;
        this.accept = accept;
        this.accepting = accepting;
        this.rejecting = rejecting;
        this.config = config;
        this.clock = clock;
    }

    /** One pass: the services due claimed and looked at; answers how many were. */
    public Uni<Integer> pass() {
        Instant now = clock.instant();
        return context.run(back -> services.claimDueToWatch(now, config.batchSize(),
                // A look is four paged lists through the account's pacing: leased for a whole period.
                now.plus(config.connectionsEvery())))
                .flatMap(due -> WatchPass.over(due, config.concurrency(), context, this::watch,
                        s -> "service " + s.serviceId));
    }

    /** One look; a service with an operation under way is left for the next period (its changes are the job's). */
    private Uni<Void> watch(ManagedService claimed, Executor back) {
        return services.busy(claimed.resourceKey).flatMap(busy -> busy ? services.watched(claimed.resourceKey, m -> {
            m.nextWatchAt = clock.instant().plus(config.connectionsEvery());
            return List.<JobEvent> of();
        }).replaceWithVoid() : cloud.of(claimed.account, claimed.callerTenant)
                .observeService(claimed.regionId, claimed.serviceId)
                .emitOn(back).flatMap(seen -> {
                    List<Decision> decisions = new ArrayList<>();
                    return events.after(services.watched(claimed.resourceKey, m -> record(m, seen, decisions)),
                            claimed.resourceKey).flatMap(raised -> decide(decisions));
                }));
    }

    /** The look recorded: the service as seen, its known connections; the events of the requests held. */
    private List<JobEvent> record(ManagedService m, ServiceObservation seen, List<Decision> decisions) {
        Instant now = clock.instant();
        m.nextWatchAt = now.plus(config.connectionsEvery());
        if (!seen.exists()) {
            // Deleted out of band: no longer managed, and its owner told.
            m.status = ManagedService.Status.Gone;
            m.updatedAt = now;
            return List.of(eventFactory.serviceEvent(m, "gone", ServiceQueries.view(m, List.of())));
        }
        ServiceSpec desired = views.read(m.desiredJson, ServiceSpec.class);
        Map<String, ConnectionPolicy.Known> before = m.connectionsJson == null ? Map.of()
                : views.read(m.connectionsJson, KNOWN);
        ConnectionPolicy.Outcome outcome = ConnectionPolicy.decide(desired.acceptancePolicy(), desired.user(),
                Boolean.TRUE.equals(seen.attributes().get("AutoAcceptEnabled")), before, seen.connections(), now);
        m.connectionsJson = views.write(outcome.known());
        m.observedJson = views.write(seen.view());
        m.observedAt = now;
        outcome.accept().forEach(c -> decisions.add(new Decision(m, c, true)));
        outcome.reject().forEach(c -> decisions.add(new Decision(m, c, false)));
        if (outcome.hold().isEmpty()) {
            return List.of();
        }
        m.updatedAt = now;
        return outcome.hold().stream().map(c -> eventFactory.serviceEvent(m, "connection-requested",
                Map.of("Service", ServiceQueries.view(m, List.of()), "Connection", Map.of("EndpointId",
                        c.endpointId(), "EndpointOwnerId", String.valueOf(c.endpointOwnerId()),
                        "ConnectionStatus", c.status())))).toList();
    }

    /** The policy's decisions, each accepted as a job of the service's owner; one refused is logged, not retried. */
    private Uni<Void> decide(List<Decision> decisions) {
        return Multi.createFrom().iterable(decisions).onItem().transformToUniAndConcatenate(d -> {
            ManagedService s = d.service();
            String key = Digests.hex(s.serviceId + "/" + d.connection().endpointId(), 24);
            ConnectionDecisionRequest request = new ConnectionDecisionRequest(s.regionId, s.serviceId,
                    d.connection().endpointId(), null, null, d.accept() ? "acceptance policy: account "
                            + d.connection().endpointOwnerId() + " is accepted" : "acceptance policy: no decision "
                            + "within RejectAfter", s.account.isEmpty() ? null : s.account,
                    (d.accept() ? "policy-accept-" : "policy-reject-") + key, null, null, null, null);
            Caller owner = new Caller(s.owner(), true, false);
            return (d.accept() ? accept.fromCaller(accepting, request, owner)
                    : accept.fromCaller(rejecting, request, owner)).replaceWithVoid()
                    .onFailure().recoverWithItem(e -> {
                        LOG.warnf("the acceptance policy of %s could not decide on %s: %s", s.serviceId,
                                d.connection().endpointId(), e.toString());
                        return null;
                    });
        }).collect().last().replaceWithVoid();
    }
}
