package io.privatelink.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * The RPC gateway on {@code /?Action=...}: GET or POST, query and form parameters, the common parameters, the
 * version, the AccessKey, the timestamp window, signature V1 and the nonce checked before an action runs; then the
 * faults in force, ClientToken replay, and the action's answer.
 */
final class RpcGateway {

    static final String VERSION = "2020-04-15";
    private static final Logger LOG = Logger.getLogger(RpcGateway.class);
    private static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(15);
    private static final List<String> COMMON_REQUIRED = List.of("Version", "AccessKeyId", "Signature",
            "SignatureNonce", "Timestamp");
    private static final List<String> ACTIONS = List.of("CreateVpcEndpoint", "GetVpcEndpointAttribute",
            "ListVpcEndpoints", "DeleteVpcEndpoint", "ListVpcEndpointZones", "ListVpcEndpointSecurityGroups",
            "UpdateVpcEndpointAttribute", "AttachSecurityGroupToVpcEndpoint", "DetachSecurityGroupFromVpcEndpoint",
            "AddZoneToVpcEndpoint", "RemoveZoneFromVpcEndpoint");

    private final Map<String, String> accessKeys;
    private final Clock clock;
    private final SimulatedPrivateLink api;
    private final SimulatedChanges changes;
    private final FaultInjector faults;
    private final SimulatorReplies replies;
    private final Vertx vertx;
    private final Map<String, Instant> usedNonces = new ConcurrentHashMap<>();
    private final long nonceSweeper;

    RpcGateway(Vertx vertx, Map<String, String> accessKeys, Clock clock, SimulatedPrivateLink api, FaultInjector faults,
            SimulatorReplies replies) {
        this.vertx = vertx;
        this.accessKeys = accessKeys;
        this.clock = clock;
        this.api = api;
        this.changes = new SimulatedChanges(api);
        this.faults = faults;
        this.replies = replies;
        this.nonceSweeper = vertx.setPeriodic(60_000, id -> {
            Instant oldest = clock.instant().minus(TIMESTAMP_WINDOW.multipliedBy(2));
            usedNonces.values().removeIf(t -> t.isBefore(oldest));
        });
    }

    void handle(RoutingContext ctx) {
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Map<String, String> params = new HashMap<>();
        ctx.request().params().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
        String action = params.getOrDefault("Action", "");
        try {
            authenticate(ctx.request().method().name(), params);
            if (!ACTIONS.contains(action)) {
                throw SeedErrors.of("InvalidAction.NotFound");
            }
        } catch (SimulatorException e) {
            replies.fail(ctx, requestId, e);
            return;
        }
        SimulatorReplies.count(replies.calls, action);
        FaultInjector.Verdict verdict = faults.judge(action, clock.millis());
        if (verdict.drop()) {
            SimulatorReplies.count(replies.outcomes, "ConnectionDropped");
            ctx.request().connection().close();
            return;
        }
        String clientToken = "CreateVpcEndpoint".equals(action) ? params.get("ClientToken") : null;
        try {
            if (verdict.error() == null) {
                api.begin(clientToken);
            }
        } catch (SimulatorException e) {
            replies.fail(ctx, requestId, e);
            return;
        }
        Runnable answer = () -> {
            try {
                if (verdict.error() != null) {
                    throw verdict.error();
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("RequestId", requestId);
                body.putAll(dispatch(action, params, verdict.stuck()));
                SimulatorReplies.count(replies.outcomes, "Success");
                replies.respond(ctx, 200, body);
            } catch (SimulatorException e) {
                replies.fail(ctx, requestId, e);
            } catch (RuntimeException e) {
                LOG.errorf(e, "simulated %s failed", action);
                replies.fail(ctx, requestId, SeedErrors.of("InternalError"));
            } finally {
                if (verdict.error() == null) {
                    api.end(clientToken);
                }
            }
        };
        if (verdict.delayMillis() > 0) {
            vertx.setTimer(verdict.delayMillis(), id -> answer.run());
        } else {
            answer.run();
        }
    }

    private Map<String, Object> dispatch(String action, Map<String, String> params, boolean stuck) {
        return switch (action) {
            case "CreateVpcEndpoint" -> api.createVpcEndpoint(params, stuck);
            case "GetVpcEndpointAttribute" -> api.getVpcEndpointAttribute(params);
            case "ListVpcEndpoints" -> api.listVpcEndpoints(params);
            case "DeleteVpcEndpoint" -> api.deleteVpcEndpoint(params);
            case "ListVpcEndpointZones" -> api.listVpcEndpointZones(params);
            case "ListVpcEndpointSecurityGroups" -> api.listVpcEndpointSecurityGroups(params);
            case "UpdateVpcEndpointAttribute" -> changes.updateAttribute(params);
            case "AttachSecurityGroupToVpcEndpoint" -> changes.attachSecurityGroup(params);
            case "DetachSecurityGroupFromVpcEndpoint" -> changes.detachSecurityGroup(params);
            case "AddZoneToVpcEndpoint" -> changes.addZone(params);
            case "RemoveZoneFromVpcEndpoint" -> changes.removeZone(params);
            default -> throw new IllegalStateException(action);
        };
    }

    private void authenticate(String method, Map<String, String> params) {
        if (!"GET".equals(method) && !"POST".equals(method)) {
            throw SeedErrors.of("UnsupportedHTTPMethod");
        }
        if (params.get("Action") == null) {
            throw SeedErrors.of("MissingAction");
        }
        for (String name : COMMON_REQUIRED) {
            if (params.get(name) == null || params.get(name).isEmpty()) {
                throw SeedErrors.missing(name);
            }
        }
        if (!VERSION.equals(params.get("Version"))) {
            throw SeedErrors.of("InvalidVersion");
        }
        String secret = accessKeys.get(params.get("AccessKeyId"));
        if (secret == null) {
            throw SeedErrors.of("InvalidAccessKeyId.NotFound");
        }
        Instant timestamp;
        try {
            timestamp = Instant.parse(params.get("Timestamp"));
        } catch (DateTimeParseException e) {
            throw SeedErrors.of("InvalidTimeStamp.Format");
        }
        if (Duration.between(timestamp, clock.instant()).abs().compareTo(TIMESTAMP_WINDOW) > 0) {
            throw SeedErrors.of("InvalidTimeStamp.Expired");
        }
        String stringToSign = SignatureV1.stringToSign(method, params);
        if (!SignatureV1.sign(stringToSign, secret).equals(params.get("Signature"))) {
            throw SeedErrors.of("SignatureDoesNotMatch", stringToSign);
        }
        if (usedNonces.putIfAbsent(params.get("SignatureNonce"), timestamp) != null) {
            throw SeedErrors.of("SignatureNonceUsed");
        }
    }

    void forgetNonces() {
        usedNonces.clear();
    }

    void close() {
        vertx.cancelTimer(nonceSweeper);
    }
}
