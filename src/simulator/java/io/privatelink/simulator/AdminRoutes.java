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

/**
 * The admin routes under {@code /_simulator/}, outside the API's namespace: faults, a view of the state, a reset, and
 * what the cloud's consoles do out of band (an endpoint deleted or changed, a connection accepted or rejected).
 */
final class AdminRoutes {

    private static final Logger LOG = Logger.getLogger(AdminRoutes.class);

    private final Map<String, SimulatedAccount> accounts;
    private final Faults startupFaults;
    private final SimulatorReplies replies;
    private final RpcGateway gateway;
    private final Clock clock;
    private final SimulatedConnections connections;

    AdminRoutes(Map<String, SimulatedAccount> accounts, Faults startupFaults, SimulatorReplies replies,
            RpcGateway gateway, Clock clock, SimulatedConnections connections) {
        this.connections = connections;
        this.accounts = accounts;
        this.startupFaults = startupFaults;
        this.replies = replies;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** The account a request names (?Account=), or the first one. */
    private SimulatedAccount account(RoutingContext ctx) {
        String id = ctx.request().getParam("Account");
        return id == null ? accounts.values().iterator().next() : accounts.get(id);
    }

    void showFaults(RoutingContext ctx) {
        SimulatedAccount account = account(ctx);
        if (account == null) {
            replies.respond(ctx, 404, Map.of("Code", "AccountNotFound"));
            return;
        }
        replies.respond(ctx, 200, account.faults.get());
    }

    void setFaults(RoutingContext ctx) {
        try {
            Faults next = replies.json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(ctx.body().asString(), Faults.class);
            String only = ctx.request().getParam("Account");
            if (only != null && !accounts.containsKey(only)) {
                replies.respond(ctx, 404, Map.of("Code", "AccountNotFound"));
                return;
            }
            accounts.values().stream().filter(a -> only == null || a.accountId.equals(only))
                    .forEach(a -> a.faults.set(next));
            LOG.infof("simulator faults now %s%s", ctx.body().asString(), only == null ? "" : " in account " + only);
            replies.respond(ctx, 200, next);
        } catch (JsonProcessingException e) {
            replies.respond(ctx, 400, Map.of("Code", "InvalidParameter", "Message", e.getOriginalMessage()));
        }
    }

    void showState(RoutingContext ctx) {
        Instant now = clock.instant();
        Map<String, Object> body = state(accounts.values().stream().toList(), now, true);
        Map<String, Object> byAccount = new LinkedHashMap<>();
        accounts.values().forEach(a -> byAccount.put(a.accountId, state(List.of(a), now, false)));
        body.put("Accounts", byAccount);
        replies.respond(ctx, 200, body);
    }

    /** What the accounts hold; with the calls and outcomes counted (over all accounts) for the whole. */
    private Map<String, Object> state(List<SimulatedAccount> of, Instant now, boolean whole) {
        List<SimulatedEndpoint> ever = of.stream().flatMap(a -> a.state.everCreated().stream()).toList();
        Map<String, Long> perToken = new HashMap<>();
        ever.stream().filter(e -> e.clientToken() != null).forEach(e -> perToken.merge(e.clientToken(), 1L, Long::sum));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("EndpointsCreated", ever.size());
        Map<String, Long> byStatus = new TreeMap<>();
        long existing = 0;
        for (SimulatedAccount a : of) {
            for (SimulatedEndpoint e : a.state.existing(now)) {
                existing++;
                byStatus.merge(a.state.status(e, now).orElseThrow(), 1L, Long::sum);
            }
        }
        body.put("EndpointsExisting", existing);
        body.put("EndpointsByStatus", byStatus);
        body.put("ClientTokens", perToken.size());
        body.put("ClientTokensWithMoreThanOneEndpoint", perToken.values().stream().filter(n -> n > 1).count());
        if (whole) {
            body.put("Calls", SimulatorReplies.sums(replies.calls));
            body.put("Outcomes", SimulatorReplies.sums(replies.outcomes));
        }
        body.put("Faults", of.get(0).faults.get());
        return body;
    }

    /** The account that holds the endpoint now. */
    private java.util.Optional<SimulatedAccount> holder(String endpointId) {
        Instant now = clock.instant();
        return accounts.values().stream().filter(a -> a.state.existing(endpointId, now).isPresent()).findFirst();
    }

    java.util.Optional<String> accountOf(String endpointId) {
        return holder(endpointId).map(a -> a.accountId);
    }

    java.util.Optional<Map<String, Object>> view(String endpointId) {
        Instant now = clock.instant();
        return holder(endpointId).flatMap(a -> a.state.existing(endpointId, now).map(e -> {
            SimulatorState state = a.state;
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("EndpointId", e.endpointId());
            view.put("EndpointStatus", state.status(e, now).orElseThrow());
            view.put("EndpointName", e.endpointName());
            view.put("SecurityGroupId", e.securityGroupIds());
            view.put("ZoneId", e.zones().stream().filter(z -> z.removedAt() == null).map(z -> z.zoneId()).toList());
            // Each change made under its own ClientToken: a change made twice would count twice.
            view.put("Changes", e.changeTokens().size());
            view.put("ConnectionStatus", e.connectionStatus(state.status(e, now).orElseThrow(), now));
            view.put("AccountId", a.accountId);
            return view;
        }));
    }

    void deleteOutOfBand(String endpointId) {
        holder(endpointId).ifPresent(a -> a.state.existing(endpointId, clock.instant())
                .ifPresent(e -> a.state.put(e.deleted(clock.instant()))));
    }

    void changeOutOfBand(String endpointId, String endpointName, List<String> securityGroupIds) {
        holder(endpointId).ifPresent(a -> a.state.existing(endpointId, clock.instant()).ifPresent(e -> a.state.put(e.changed(
                endpointName == null ? e.endpointName() : endpointName, e.endpointDescription(), e.policyDocument(),
                e.zoneAffinityEnabled(), e.zones(), securityGroupIds == null ? e.securityGroupIds() : securityGroupIds,
                e.groupChanges(), e.pendingUntil(), e.changeTokens()))));
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

    /** The service owner accepts or rejects an endpoint's connection out of band (in the console, say). */
    void decide(RoutingContext ctx, boolean accept) {
        if (connections.decideOutOfBand(ctx.pathParam("id"), accept).isEmpty()) {
            replies.respond(ctx, 404, Map.of("Code", "EndpointNotFound"));
            return;
        }
        showEndpoint(ctx);
    }

    void reset(RoutingContext ctx) {
        connections.reset();
        accounts.values().forEach(a -> {
            a.state.reset();
            a.faults.set(startupFaults);
        });
        replies.clearCounts();
        gateway.forgetNonces();
        LOG.info("simulator reset: no endpoints, counters at zero, start-up faults");
        replies.respond(ctx, 200, Map.of("Reset", true));
    }

}
