package io.privatelink.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;

import io.vertx.ext.web.RoutingContext;

/** The admin routes under {@code /_simulator/}, outside the API's namespace: faults, a view of the state, a reset. */
final class AdminRoutes {

    private static final Logger LOG = Logger.getLogger(AdminRoutes.class);

    private final SimulatorState state;
    private final FaultInjector faults;
    private final Faults startupFaults;
    private final SimulatorReplies replies;
    private final RpcGateway gateway;
    private final Clock clock;

    AdminRoutes(SimulatorState state, FaultInjector faults, Faults startupFaults, SimulatorReplies replies,
            RpcGateway gateway, Clock clock) {
        this.state = state;
        this.faults = faults;
        this.startupFaults = startupFaults;
        this.replies = replies;
        this.gateway = gateway;
        this.clock = clock;
    }

    void showFaults(RoutingContext ctx) {
        replies.respond(ctx, 200, faults.get());
    }

    void setFaults(RoutingContext ctx) {
        try {
            Faults next = replies.json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(ctx.body().asString(), Faults.class);
            faults.set(next);
            LOG.infof("simulator faults now %s", ctx.body().asString());
            replies.respond(ctx, 200, faults.get());
        } catch (JsonProcessingException e) {
            replies.respond(ctx, 400, Map.of("Code", "InvalidParameter", "Message", e.getOriginalMessage()));
        }
    }

    void showState(RoutingContext ctx) {
        Instant now = clock.instant();
        List<SimulatedEndpoint> ever = state.everCreated();
        Map<String, Long> perToken = new HashMap<>();
        ever.stream().filter(e -> e.clientToken() != null).forEach(e -> perToken.merge(e.clientToken(), 1L, Long::sum));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("EndpointsCreated", ever.size());
        body.put("EndpointsExisting", state.existing(now).size());
        Map<String, Long> byStatus = new TreeMap<>();
        state.existing(now).forEach(e -> byStatus.merge(state.status(e, now).orElseThrow(), 1L, Long::sum));
        body.put("EndpointsByStatus", byStatus);
        body.put("ClientTokens", perToken.size());
        body.put("ClientTokensWithMoreThanOneEndpoint", perToken.values().stream().filter(n -> n > 1).count());
        body.put("Calls", SimulatorReplies.sums(replies.calls));
        body.put("Outcomes", SimulatorReplies.sums(replies.outcomes));
        body.put("Faults", faults.get());
        replies.respond(ctx, 200, body);
    }

    java.util.Optional<Map<String, Object>> view(String endpointId) {
        Instant now = clock.instant();
        return state.existing(endpointId, now).map(e -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("EndpointId", e.endpointId());
            view.put("EndpointStatus", state.status(e, now).orElseThrow());
            view.put("EndpointName", e.endpointName());
            view.put("SecurityGroupId", e.securityGroupIds());
            view.put("ZoneId", e.zones().stream().filter(z -> z.removedAt() == null).map(z -> z.zoneId()).toList());
            // Each change made under its own ClientToken: a change made twice would count twice.
            view.put("Changes", e.changeTokens().size());
            return view;
        });
    }

    void deleteOutOfBand(String endpointId) {
        state.existing(endpointId, clock.instant()).ifPresent(e -> state.put(e.deleted(clock.instant())));
    }

    void changeOutOfBand(String endpointId, String endpointName, List<String> securityGroupIds) {
        state.existing(endpointId, clock.instant()).ifPresent(e -> state.put(e.changed(
                endpointName == null ? e.endpointName() : endpointName, e.endpointDescription(), e.policyDocument(),
                e.zoneAffinityEnabled(), e.zones(), securityGroupIds == null ? e.securityGroupIds() : securityGroupIds,
                e.groupChanges(), e.pendingUntil(), e.changeTokens())));
    }

    void showEndpoint(RoutingContext ctx) {
        view(ctx.pathParam("id")).ifPresentOrElse(v -> replies.respond(ctx, 200, v),
                () -> replies.respond(ctx, 404, Map.of("Code", "EndpointNotFound")));
    }

    void deleteEndpoint(RoutingContext ctx) {
        deleteOutOfBand(ctx.pathParam("id"));
        replies.respond(ctx, 200, Map.of("Deleted", ctx.pathParam("id")));
    }

    /** PATCH with {"EndpointName": ..., "SecurityGroupId": [...]}: a change made out of band, for drift tests. */
    @SuppressWarnings("unchecked")
    void changeEndpoint(RoutingContext ctx) {
        try {
            Map<String, Object> change = replies.json.readValue(ctx.body().asString(), Map.class);
            changeOutOfBand(ctx.pathParam("id"), (String) change.get("EndpointName"),
                    (List<String>) change.get("SecurityGroupId"));
            showEndpoint(ctx);
        } catch (JsonProcessingException | ClassCastException e) {
            replies.respond(ctx, 400, Map.of("Code", "InvalidParameter", "Message", String.valueOf(e.getMessage())));
        }
    }

    void reset(RoutingContext ctx) {
        state.reset();
        replies.clearCounts();
        gateway.forgetNonces();
        faults.set(startupFaults);
        LOG.info("simulator reset: no endpoints, counters at zero, start-up faults");
        replies.respond(ctx, 200, Map.of("Reset", true));
    }

}
