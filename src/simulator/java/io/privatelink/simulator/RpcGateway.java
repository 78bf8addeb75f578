package io.privatelink.simulator;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * The RPC gateway on {@code /}: GET or POST, query and form parameters; the signature (V1 or V3), the version, the
 * AccessKey or STS credentials, the timestamp window and the nonce checked before an action runs
 * ({@link RequestAuthenticator}); then the faults in force, ClientToken replay, and the action's answer. PrivateLink
 * (2020-04-15) and STS (2015-04-01) share it, told apart by the version.
 */
final class RpcGateway {

    static final String VERSION = "2020-04-15";
    private static final Logger LOG = Logger.getLogger(RpcGateway.class);
    private static final List<String> ACTIONS = List.of("CreateVpcEndpoint", "GetVpcEndpointAttribute",
            "ListVpcEndpoints", "DeleteVpcEndpoint", "ListVpcEndpointZones", "ListVpcEndpointSecurityGroups",
            "UpdateVpcEndpointAttribute", "AttachSecurityGroupToVpcEndpoint", "DetachSecurityGroupFromVpcEndpoint",
            "AddZoneToVpcEndpoint", "RemoveZoneFromVpcEndpoint", "EnableVpcEndpointConnection",
            "DisableVpcEndpointConnection", "ListVpcEndpointConnections", "UpdateVpcEndpointConnectionAttribute",
            "ListVpcEndpointServicesByEndUser", "EnableVpcEndpointZoneConnection", "DisableVpcEndpointZoneConnection",
            "CreateVpcEndpointService",
            "GetVpcEndpointServiceAttribute", "ListVpcEndpointServices", "UpdateVpcEndpointServiceAttribute",
            "AttachResourceToVpcEndpointService", "DetachResourceFromVpcEndpointService", "AddUserToVpcEndpointService",
            "RemoveUserFromVpcEndpointService", "ListVpcEndpointServiceUsers", "ListVpcEndpointServiceResources",
            "DeleteVpcEndpointService");

    private final RequestAuthenticator authenticator;
    private final SimulatedSts sts;
    private final Clock clock;
    /** The accounts by id, the one the configured AccessKey pairs act in first. */
    private final Map<String, SimulatedAccount> accounts;
    private final SimulatedAccount first;
    private final SimulatorReplies replies;
    private final SimulatedConnections connections;
    private final SimulatedEndpointServices services;
    private final Vertx vertx;
    private final long nonceSweeper;

    RpcGateway(Vertx vertx, Map<String, String> accessKeys, Clock clock, Map<String, SimulatedAccount> accounts,
            SimulatedSts sts, SimulatorReplies replies, SimulatedConnections connections,
            SimulatedEndpointServices services) {
        this.connections = connections;
        this.services = services;
        this.vertx = vertx;
        this.sts = sts;
        this.authenticator = new RequestAuthenticator(accessKeys, sts, clock);
        this.clock = clock;
        this.accounts = accounts;
        this.first = accounts.values().iterator().next();
        this.replies = replies;
        this.nonceSweeper = vertx.setPeriodic(60_000, id -> authenticator.forgetOldNonces());
    }

    void handle(RoutingContext ctx) {
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Map<String, String> params = new HashMap<>();
        ctx.request().params().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
        Map<String, String> headers = new HashMap<>();
        ctx.request().headers().forEach(e -> headers.putIfAbsent(SignatureV3.lower(e.getKey()), e.getValue()));
        if (ctx.request().authority() != null) {
            // Over HTTP/2 (an h2c upgrade) the host comes as the :authority pseudo-header, not as a header.
            headers.putIfAbsent("host", ctx.request().authority().toString());
        }
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        RequestAuthenticator.Signed signed;
        try {
            signed = authenticator.authenticate(new RequestAuthenticator.Request(ctx.request().method().name(),
                    ctx.request().path(), ctx.request().query(), headers, body, params));
            if (!actions(signed.version()).contains(signed.action())) {
                throw SeedErrors.of("InvalidAction.NotFound");
            }
        } catch (SimulatorException e) {
            replies.fail(ctx, requestId, e);
            return;
        }
        String action = signed.action();
        SimulatedAccount account = accounts.getOrDefault(String.valueOf(sts.accountOf(signed.accessKeyId())), first);
        SimulatedPrivateLink api = account.api;
        SimulatorReplies.count(replies.calls, action);
        FaultInjector.Verdict verdict = account.faults.judge(action, clock.millis());
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
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("RequestId", requestId);
                reply.putAll(SimulatedSts.VERSION.equals(signed.version())
                        ? sts.dispatch(action, params, signed.accessKeyId())
                        : dispatch(account, action, params, verdict.stuck()));
                SimulatorReplies.count(replies.outcomes, "Success");
                replies.respond(ctx, 200, reply);
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

    private static List<String> actions(String version) {
        return SimulatedSts.VERSION.equals(version) ? SimulatedSts.ACTIONS : ACTIONS;
    }

    private Map<String, Object> dispatch(SimulatedAccount account, String action, Map<String, String> params,
            boolean stuck) {
        SimulatedPrivateLink api = account.api;
        SimulatedChanges changes = account.changes;
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
            case "EnableVpcEndpointConnection" -> connections.enable(account, params);
            case "DisableVpcEndpointConnection" -> connections.disable(account, params);
            case "ListVpcEndpointConnections" -> connections.list(account, params);
            case "UpdateVpcEndpointConnectionAttribute" -> connections.updateAttribute(account, params);
            case "EnableVpcEndpointZoneConnection" -> connections.decideZone(account, params, true);
            case "DisableVpcEndpointZoneConnection" -> connections.decideZone(account, params, false);
            case "ListVpcEndpointServicesByEndUser" -> services.listByEndUser(account, params);
            case "CreateVpcEndpointService" -> services.create(account, params);
            case "GetVpcEndpointServiceAttribute" -> services.get(account, params);
            case "ListVpcEndpointServices" -> services.list(account, params);
            case "UpdateVpcEndpointServiceAttribute" -> services.update(account, params);
            case "AttachResourceToVpcEndpointService" -> services.attachResource(account, params);
            case "DetachResourceFromVpcEndpointService" -> services.detachResource(account, params);
            case "AddUserToVpcEndpointService" -> services.addUser(account, params);
            case "RemoveUserFromVpcEndpointService" -> services.removeUser(account, params);
            case "ListVpcEndpointServiceUsers" -> services.listUsers(account, params);
            case "ListVpcEndpointServiceResources" -> services.listResources(account, params);
            case "DeleteVpcEndpointService" -> services.delete(account, params);
            default -> throw new IllegalStateException(action);
        };
    }

    void forgetNonces() {
        authenticator.forgetNonces();
    }

    void close() {
        vertx.cancelTimer(nonceSweeper);
    }
}
