package io.privatelink.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A local Alibaba Cloud PrivateLink: the RPC protocol on {@code /} (GET or POST, query and form parameters),
 * signature V1 or V3 checked against the configured AccessKey pairs or the credentials its STS handed out, flat JSON
 * answers and the API's error shape, so that the production SDK code path is what runs against it. Faults, a view of its state and a reset are
 * under {@code /_simulator/}, outside the API's namespace.
 */
public final class PrivateLinkSimulator implements AutoCloseable {

    public static final String VERSION = RpcGateway.VERSION;
    public static final String HOST_ID = SimulatorReplies.HOST_ID;
    private static final Logger LOG = Logger.getLogger(PrivateLinkSimulator.class);

    /** How the simulator runs: where it listens, the AccessKey pairs it accepts, its clocks, seed, state and faults. */
    public record Settings(String host, int port, Map<String, String> accessKeys, Duration activeAfter,
            int activeAfterPolls, Duration deletedAfter, Path seedFile, Path dataDir, Faults faults) {

        public static final String DEFAULT_ACCESS_KEY_ID = "LTAIsimulator";
        public static final String DEFAULT_ACCESS_KEY_SECRET = "simulator-secret";

        public static Settings defaults(int port, Path dataDir) {
            return new Settings("127.0.0.1", port, Map.of(DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET),
                    Duration.ofSeconds(3), 0, Duration.ofSeconds(3), null, dataDir, Faults.none());
        }

        public Settings withActiveAfter(Duration delay) {
            return new Settings(host, port, accessKeys, delay, activeAfterPolls, deletedAfter, seedFile, dataDir, faults);
        }

        public Settings withActiveAfterPolls(int polls) {
            return new Settings(host, port, accessKeys, activeAfter, polls, deletedAfter, seedFile, dataDir, faults);
        }

        public Settings withDeletedAfter(Duration delay) {
            return new Settings(host, port, accessKeys, activeAfter, activeAfterPolls, delay, seedFile, dataDir, faults);
        }

        public Settings withSeed(Path seed) {
            return new Settings(host, port, accessKeys, activeAfter, activeAfterPolls, deletedAfter, seed, dataDir, faults);
        }
    }

    /** The simulated accounts by id, the one the configured AccessKey pairs act in first. */
    private final Map<String, SimulatedAccount> accounts = new java.util.LinkedHashMap<>();
    private final RpcGateway gateway;
    private final SimulatedSts sts;
    private final AdminRoutes admin;
    private final SimulatedConnections connections;
    private final SimulatedEndpointServices services;
    private final ServiceDirectory directory;
    private HttpServer server;

    private PrivateLinkSimulator(Vertx vertx, Settings settings, Clock clock) {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        SimulatorSeed seed = SimulatorSeed.read(json, settings.seedFile());
        SimulatorState.Lifecycle lifecycle = new SimulatorState.Lifecycle(settings.activeAfter(),
                settings.activeAfterPolls(), settings.deletedAfter());
        this.directory = new ServiceDirectory(json, seed.allAccounts(),
                settings.dataDir() == null ? null : settings.dataDir().resolve("services.jsonl"), lifecycle, clock);
        for (SimulatorSeed account : seed.allAccounts()) {
            // The first account keeps the journal's old name, so that a data folder from before accounts still works.
            String file = accounts.isEmpty() ? "endpoints.jsonl" : "endpoints-" + account.accountId() + ".jsonl";
            accounts.put(account.accountId(), new SimulatedAccount(json, account,
                    settings.dataDir() == null ? null : settings.dataDir().resolve(file), lifecycle, clock,
                    settings.faults(), directory));
        }
        this.sts = new SimulatedSts(seed, clock);
        SimulatorReplies replies = new SimulatorReplies(json);
        this.connections = new SimulatedConnections(accounts, directory, clock);
        this.services = new SimulatedEndpointServices(accounts, directory, json, clock);
        this.gateway = new RpcGateway(vertx, settings.accessKeys(), clock, accounts, sts, replies, connections,
                services);
        this.admin = new AdminRoutes(accounts, settings.faults(), replies, gateway, clock, connections);
    }

    /** Starts a simulator on the given Vert.x instance and waits until it listens. */
    public static PrivateLinkSimulator start(Vertx vertx, Settings settings) {
        PrivateLinkSimulator simulator = new PrivateLinkSimulator(vertx, settings, Clock.systemUTC());
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(256 * 1024));
        router.get("/_simulator/faults").handler(simulator.admin::showFaults);
        router.put("/_simulator/faults").handler(simulator.admin::setFaults);
        router.get("/_simulator/state").handler(simulator.admin::showState);
        router.post("/_simulator/reset").handler(simulator.admin::reset);
        router.get("/_simulator/endpoints/:id").handler(simulator.admin::showEndpoint);
        router.post("/_simulator/endpoints/:id/delete").handler(simulator.admin::deleteEndpoint);
        router.patch("/_simulator/endpoints/:id").handler(simulator.admin::changeEndpoint);
        router.post("/_simulator/endpoints/:id/accept").handler(ctx -> simulator.admin.decide(ctx, true));
        router.post("/_simulator/endpoints/:id/reject").handler(ctx -> simulator.admin.decide(ctx, false));
        router.post("/_simulator/services/:id/delete").handler(ctx -> {
            boolean deleted = simulator.services.deleteOutOfBand(ctx.pathParam("id"));
            ctx.response().setStatusCode(deleted ? 200 : 404).putHeader("Content-Type", "application/json")
                    .end(deleted ? "{\"Deleted\": \"" + ctx.pathParam("id") + "\"}"
                            : "{\"Code\": \"EndpointServiceNotFound\"}");
        });
        router.post("/_simulator/sts/expire").handler(ctx -> {
            simulator.expireCredentials();
            ctx.response().putHeader("Content-Type", "application/json").end("{\"Expired\": true}");
        });
        router.route("/").handler(simulator.gateway::handle);
        simulator.server = vertx.createHttpServer().requestHandler(router)
                .listen(settings.port(), settings.host()).toCompletionStage().toCompletableFuture().join();
        LOG.infof("PrivateLink simulator listening on http://%s:%d", settings.host(), simulator.port());
        return simulator;
    }

    public int port() {
        return server.actualPort();
    }

    /** How many endpoints were ever created with this ClientToken: exactly one, when clients are idempotent. */
    public long endpointsCreatedWith(String clientToken) {
        return accounts.values().stream().flatMap(a -> a.state.everCreated().stream())
                .filter(e -> clientToken.equals(e.clientToken())).count();
    }

    /** The endpoint in the account it lives in; empty when no account has it (any more). */
    public java.util.Optional<String> accountOf(String endpointId) {
        return admin.accountOf(endpointId);
    }

    /**
     * The endpoint as the cloud holds it now, empty once it is gone: its status, name, security groups and the ids of
     * its zones (those being removed left out), for tests to hold the service's work against.
     */
    public java.util.Optional<Map<String, Object>> endpoint(String endpointId) {
        return admin.view(endpointId);
    }

    /** The temporary secrets and security tokens STS has handed out, for tests that look for leaks. */
    public java.util.List<String> issuedSecrets() {
        return sts.issuedSecrets();
    }

    /** Every credential STS has handed out expires now, as if its hour had passed. */
    public void expireCredentials() {
        sts.expireAll();
    }

    /** Deletes an endpoint behind the service's back, as someone with the console would. */
    public void deleteOutOfBand(String endpointId) {
        admin.deleteOutOfBand(endpointId);
    }

    /** Renames an endpoint and replaces its security groups behind the service's back (either may be null). */
    /** The service's owner accepts or rejects the endpoint's connection out of band; the endpoint's account. */
    public java.util.Optional<String> decideConnection(String endpointId, boolean accept) {
        return connections.decideOutOfBand(endpointId, accept);
    }

    public void changeOutOfBand(String endpointId, String endpointName, java.util.List<String> securityGroupIds) {
        admin.changeOutOfBand(endpointId, endpointName, securityGroupIds);
    }

    /** Replaces the faults in force in every account (as PUT /_simulator/faults does). */
    public void faults(Faults next) {
        accounts.values().forEach(a -> a.faults.set(next));
    }

    /** Replaces the faults in force in one account (as PUT /_simulator/faults?Account= does). */
    public void faults(String accountId, Faults next) {
        accounts.get(accountId).faults.set(next);
    }

    @Override
    public void close() {
        gateway.close();
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
        accounts.values().forEach(SimulatedAccount::close);
        directory.close();
    }

    /** The service's owner deletes it out of band (resources, connections and all); false when there is none. */
    public boolean deleteServiceOutOfBand(String serviceId) {
        return services.deleteOutOfBand(serviceId);
    }
}
