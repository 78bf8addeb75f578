package io.privatelink.provisioner.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A local Alibaba Cloud PrivateLink: the RPC protocol on {@code /?Action=...}, signature V1 checked, flat JSON
 * answers and the API's error shape, so that the production SDK code path is what runs against it.
 */
public final class PrivateLinkSimulator implements AutoCloseable {

    public static final String VERSION = "2020-04-15";
    public static final String HOST_ID = "privatelink.simulator.local";
    private static final Logger LOG = Logger.getLogger(PrivateLinkSimulator.class);
    private static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(15);
    private static final List<String> COMMON_REQUIRED = List.of("Version", "AccessKeyId", "Signature",
            "SignatureNonce", "Timestamp");

    /** How the simulator runs: its port, the AccessKey pairs it accepts, its clock and where it keeps state. */
    public record Settings(String host, int port, Map<String, String> accessKeys, Duration activeAfter, Path seedFile,
            Path dataDir) {

        public static final String DEFAULT_ACCESS_KEY_ID = "LTAIsimulator";
        public static final String DEFAULT_ACCESS_KEY_SECRET = "simulator-secret";

        public static Settings defaults(int port, Path dataDir) {
            return new Settings("127.0.0.1", port, Map.of(DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET),
                    Duration.ofSeconds(3), null, dataDir);
        }

        public Settings withActiveAfter(Duration delay) {
            return new Settings(host, port, accessKeys, delay, seedFile, dataDir);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final ObjectMapper json;
    private final EndpointStore store;
    private final SimulatedPrivateLink api;
    private final Map<String, Instant> usedNonces = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final long nonceSweeper;
    private HttpServer server;

    private PrivateLinkSimulator(Vertx vertx, Settings settings, Clock clock) {
        this.vertx = vertx;
        this.settings = settings;
        this.clock = clock;
        this.json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.store = new EndpointStore(json,
                settings.dataDir() == null ? null : settings.dataDir().resolve("endpoints.jsonl"));
        this.api = new SimulatedPrivateLink(SimulatorSeed.read(json, settings.seedFile()), store, clock,
                settings.activeAfter());
        this.nonceSweeper = vertx.setPeriodic(60_000, id -> {
            Instant oldest = clock.instant().minus(TIMESTAMP_WINDOW.multipliedBy(2));
            usedNonces.values().removeIf(t -> t.isBefore(oldest));
        });
    }

    /** Starts a simulator on the given Vert.x instance and waits until it listens. */
    public static PrivateLinkSimulator start(Vertx vertx, Settings settings) {
        PrivateLinkSimulator simulator = new PrivateLinkSimulator(vertx, settings, Clock.systemUTC());
        Router router = Router.router(vertx);
        router.route("/").handler(BodyHandler.create(false).setBodyLimit(256 * 1024));
        router.route("/").handler(simulator::handle);
        simulator.server = vertx.createHttpServer().requestHandler(router)
                .listen(settings.port(), settings.host()).toCompletionStage().toCompletableFuture().join();
        LOG.infof("PrivateLink simulator listening on http://%s:%d", settings.host(), simulator.port());
        return simulator;
    }

    public int port() {
        return server.actualPort();
    }

    /** How many endpoints were created with this ClientToken: exactly one, when clients are idempotent. */
    public long endpointsCreatedWith(String clientToken) {
        return store.all().stream().filter(e -> clientToken.equals(e.clientToken())).count();
    }

    private void handle(RoutingContext ctx) {
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Map<String, String> params = new HashMap<>();
        ctx.request().params().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
        try {
            authenticate(ctx.request().method().name(), params);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("RequestId", requestId);
            body.putAll(dispatch(params));
            respond(ctx, 200, body);
        } catch (SimulatorException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("RequestId", requestId);
            body.put("HostId", HOST_ID);
            body.put("Code", e.code());
            body.put("Message", e.getMessage());
            body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code() + "&product=Privatelink");
            respond(ctx, e.httpStatus(), body);
        }
    }

    private Map<String, Object> dispatch(Map<String, String> params) {
        String action = params.get("Action");
        return switch (action) {
            case "CreateVpcEndpoint" -> api.createVpcEndpoint(params);
            case "GetVpcEndpointAttribute" -> api.getVpcEndpointAttribute(params);
            default -> throw new SimulatorException(404, "InvalidAction.NotFound",
                    "Specified api is not found, please check your url and method.");
        };
    }

    private void authenticate(String method, Map<String, String> params) {
        if (!"GET".equals(method) && !"POST".equals(method)) {
            throw new SimulatorException(403, "UnsupportedHTTPMethod", "This http method is not supported.");
        }
        if (params.get("Action") == null) {
            throw SimulatorException.badRequest("MissingAction", "Action is mandatory for this request.");
        }
        for (String name : COMMON_REQUIRED) {
            if (params.get(name) == null || params.get(name).isEmpty()) {
                throw SimulatorException.badRequest("Missing" + name, name + " is mandatory for this request.");
            }
        }
        if (!VERSION.equals(params.get("Version"))) {
            throw SimulatorException.badRequest("InvalidVersion", "Specified parameter Version is not valid.");
        }
        String secret = settings.accessKeys().get(params.get("AccessKeyId"));
        if (secret == null) {
            throw new SimulatorException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        Instant timestamp;
        try {
            timestamp = Instant.parse(params.get("Timestamp"));
        } catch (DateTimeParseException e) {
            throw SimulatorException.badRequest("InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }
        if (Duration.between(timestamp, clock.instant()).abs().compareTo(TIMESTAMP_WINDOW) > 0) {
            throw SimulatorException.badRequest("InvalidTimeStamp.Expired",
                    "Specified time stamp or date value is expired.");
        }
        String stringToSign = SignatureV1.stringToSign(method, params);
        if (!SignatureV1.sign(stringToSign, secret).equals(params.get("Signature"))) {
            throw SimulatorException.badRequest("SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
        }
        if (usedNonces.putIfAbsent(params.get("SignatureNonce"), timestamp) != null) {
            throw SimulatorException.badRequest("SignatureNonceUsed", "Specified signature nonce was used already.");
        }
    }

    private void respond(RoutingContext ctx, int status, Map<String, Object> body) {
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
        store.close();
    }
}
