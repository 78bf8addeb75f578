package io.privatelink.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A local Alibaba Cloud PrivateLink: the RPC protocol on {@code /?Action=...} (GET or POST, query and form
 * parameters), signature V1 checked against the configured AccessKey pairs, flat JSON answers and the API's error
 * shape, so that the production SDK code path is what runs against it. Faults, a view of its state and a reset are
 * under {@code /_simulator/}, outside the API's namespace.
 */
public final class PrivateLinkSimulator implements AutoCloseable {

    public static final String VERSION = "2020-04-15";
    public static final String HOST_ID = "privatelink.simulator.local";
    private static final Logger LOG = Logger.getLogger(PrivateLinkSimulator.class);
    private static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(15);
    private static final List<String> COMMON_REQUIRED = List.of("Version", "AccessKeyId", "Signature",
            "SignatureNonce", "Timestamp");
    private static final List<String> ACTIONS = List.of("CreateVpcEndpoint", "GetVpcEndpointAttribute",
            "ListVpcEndpoints", "DeleteVpcEndpoint", "ListVpcEndpointZones", "ListVpcEndpointSecurityGroups");

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

        public Settings withSeed(Path seed) {
            return new Settings(host, port, accessKeys, activeAfter, activeAfterPolls, deletedAfter, seed, dataDir, faults);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final ObjectMapper json;
    private final SimulatorState state;
    private final SimulatedPrivateLink api;
    private final FaultInjector faults = new FaultInjector();
    private final Map<String, Instant> usedNonces = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final long nonceSweeper;
    private HttpServer server;

    private PrivateLinkSimulator(Vertx vertx, Settings settings, Clock clock) {
        this.vertx = vertx;
        this.settings = settings;
        this.clock = clock;
        this.json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.state = new SimulatorState(json, settings.dataDir() == null ? null : settings.dataDir().resolve("endpoints.jsonl"),
                new SimulatorState.Lifecycle(settings.activeAfter(), settings.activeAfterPolls(), settings.deletedAfter()));
        this.api = new SimulatedPrivateLink(SimulatorSeed.read(json, settings.seedFile()), state, clock);
        this.faults.set(settings.faults());
        this.nonceSweeper = vertx.setPeriodic(60_000, id -> {
            Instant oldest = clock.instant().minus(TIMESTAMP_WINDOW.multipliedBy(2));
            usedNonces.values().removeIf(t -> t.isBefore(oldest));
        });
    }

    /** Starts a simulator on the given Vert.x instance and waits until it listens. */
    public static PrivateLinkSimulator start(Vertx vertx, Settings settings) {
        PrivateLinkSimulator simulator = new PrivateLinkSimulator(vertx, settings, Clock.systemUTC());
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(256 * 1024));
        router.get("/_simulator/faults").handler(simulator::showFaults);
        router.put("/_simulator/faults").handler(simulator::setFaults);
        router.get("/_simulator/state").handler(simulator::showState);
        router.post("/_simulator/reset").handler(simulator::reset);
        router.route("/").handler(simulator::handle);
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
        return state.everCreated().stream().filter(e -> clientToken.equals(e.clientToken())).count();
    }

    /** Replaces the faults in force (as PUT /_simulator/faults does). */
    public void faults(Faults next) {
        faults.set(next);
    }

    private void handle(RoutingContext ctx) {
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
            fail(ctx, requestId, action, e);
            return;
        }
        count(calls, action);
        FaultInjector.Verdict verdict = faults.judge(action, clock.millis());
        if (verdict.drop()) {
            count(outcomes, "ConnectionDropped");
            ctx.request().connection().close();
            return;
        }
        String clientToken = "CreateVpcEndpoint".equals(action) ? params.get("ClientToken") : null;
        try {
            if (verdict.error() == null) {
                api.begin(clientToken);
            }
        } catch (SimulatorException e) {
            fail(ctx, requestId, action, e);
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
                count(outcomes, "Success");
                respond(ctx, 200, body);
            } catch (SimulatorException e) {
                fail(ctx, requestId, action, e);
            } catch (RuntimeException e) {
                LOG.errorf(e, "simulated %s failed", action);
                fail(ctx, requestId, action, SeedErrors.of("InternalError"));
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
        String secret = settings.accessKeys().get(params.get("AccessKeyId"));
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

    private void fail(RoutingContext ctx, String requestId, String action, SimulatorException e) {
        count(outcomes, e.code());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("HostId", HOST_ID);
        body.put("Code", e.code());
        body.put("Message", e.getMessage());
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code() + "&product=Privatelink");
        respond(ctx, e.httpStatus(), body);
    }

    private static void count(Map<String, LongAdder> counters, String key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private void showFaults(RoutingContext ctx) {
        respond(ctx, 200, faults.get());
    }

    private void setFaults(RoutingContext ctx) {
        try {
            Faults next = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(ctx.body().asString(), Faults.class);
            faults.set(next);
            LOG.infof("simulator faults now %s", ctx.body().asString());
            respond(ctx, 200, faults.get());
        } catch (JsonProcessingException e) {
            respond(ctx, 400, Map.of("Code", "InvalidParameter", "Message", e.getOriginalMessage()));
        }
    }

    private void showState(RoutingContext ctx) {
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
        body.put("Calls", sums(calls));
        body.put("Outcomes", sums(outcomes));
        body.put("Faults", faults.get());
        respond(ctx, 200, body);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> m = new TreeMap<>();
        counters.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    private void reset(RoutingContext ctx) {
        state.reset();
        calls.clear();
        outcomes.clear();
        usedNonces.clear();
        faults.set(settings.faults());
        LOG.info("simulator reset: no endpoints, counters at zero, start-up faults");
        respond(ctx, 200, Map.of("Reset", true));
    }

    private void respond(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=utf-8")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    @Override
    public void close() {
        vertx.cancelTimer(nonceSweeper);
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
        state.close();
    }
}
