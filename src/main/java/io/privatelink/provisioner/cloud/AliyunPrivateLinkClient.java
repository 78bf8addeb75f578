package io.privatelink.provisioner.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

/**
 * PrivateLink in one account, through aliyun-java-sdk-core's CommonRequest: the RPC protocol, signature V1, JSON
 * answers; paced by action (the account's own limits), timed and traced. Made by {@link CloudAccounts}, one per
 * account, sharing one pool of call threads.
 */
public class AliyunPrivateLinkClient implements PrivateLinkClient {

    private static final String VERSION = "2020-04-15";
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final CloudConfig config;
    private final String account;
    private final ObjectMapper json;
    private final CompletableFuture<SdkClients.Sdk> client;
    // The SDK blocks its caller for the whole HTTP exchange; those threads are kept off the event loop.
    private final ExecutorService calls;
    private final MeterRegistry metrics;
    private final Tracer tracer;
    private final CallPacer pacer;
    private final FairShares shares;
    /** Whose calls these are (a tenant): the account's paced calls are shared between them in turn. */
    private final String share;

    /**
     * @param account the account's name, for the metrics
     * @param sdkClient builds the SDK client with the account's credentials: on a thread of {@code calls}, because the
     *        SDK's first client builds a JVM-wide HTTP client and blocks every other caller until it is done (on an
     *        event-loop thread that stalled it for good); built off the main thread, it no longer delays the first
     *        answer either
     */
    AliyunPrivateLinkClient(CloudConfig config, String account, Map<String, Double> rateLimits,
            java.util.function.Supplier<SdkClients.Sdk> sdkClient, ExecutorService calls,
            java.util.concurrent.ScheduledExecutorService turns, ObjectMapper json, MeterRegistry metrics,
            Tracer tracer) {
        this.config = config;
        this.account = account;
        this.json = json;
        this.metrics = metrics;
        this.tracer = tracer;
        this.pacer = new CallPacer(rateLimits);
        // The rate each paced action runs at now: its limit, or less while the account is being throttled.
        rateLimits.keySet().forEach(action -> io.micrometer.core.instrument.Gauge
                .builder("privatelink.cloud.rate", pacer, p -> p.rate(action))
                .description("Calls a second the account's pacing allows an action now")
                .tags("account", account, "action", action).register(metrics));
        this.shares = new FairShares(pacer, turns);
        this.share = "";
        this.calls = calls;
        this.client = CompletableFuture.supplyAsync(sdkClient, calls);
    }

    private AliyunPrivateLinkClient(AliyunPrivateLinkClient of, String share) {
        this.config = of.config;
        this.account = of.account;
        this.json = of.json;
        this.metrics = of.metrics;
        this.tracer = of.tracer;
        this.pacer = of.pacer;
        this.shares = of.shares;
        this.share = share;
        this.calls = of.calls;
        this.client = of.client;
    }

    /** The same account, its calls made on behalf of {@code share} (a tenant) and taking their turns as that one's. */
    AliyunPrivateLinkClient sharedBy(String share) {
        return share.equals(this.share) ? this : new AliyunPrivateLinkClient(this, share);
    }

    /** The SDK client, once built; a chain that could not be built fails every call with its own code. */
    private SdkClients.Sdk sdk() {
        try {
            return client.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof CloudException c ? c : e;
        }
    }

    @Override
    public java.time.Duration backlog(String action) {
        return shares.backlog(action, share);
    }

    @Override
    public Uni<Creation> create(Map<String, String> parameters, String clientToken) {
        Map<String, String> p = new LinkedHashMap<>(parameters);
        p.put("ClientToken", clientToken);
        return call(CREATE, p).map(answer -> new Creation(String.valueOf(answer.get("EndpointId")), answer));
    }

    @Override
    public Uni<Void> checkCreate(Map<String, String> parameters, String clientToken) {
        Map<String, String> p = new LinkedHashMap<>(parameters);
        p.put("ClientToken", clientToken);
        p.put("DryRun", "true");
        return dryRun(call(CREATE, p));
    }

    @Override
    public Uni<Observation> observe(String regionId, String endpointId) {
        return call(OBSERVE, Map.of("RegionId", regionId, "EndpointId", endpointId))
                .map(answer -> new Observation(true, (String) answer.get("EndpointStatus"), answer))
                .onFailure(AliyunPrivateLinkClient::gone).recoverWithItem(Observation.gone());
    }

    /**
     * A look at the zones that gets no answer (throttled, say) leaves the endpoint's own answer standing, without its
     * zones: its connection's status alone then says what it is, and a busy cloud does not cost the job a whole look.
     */
    @Override
    public Uni<Observation> observeConnection(String regionId, String endpointId) {
        return observe(regionId, endpointId).flatMap(endpoint -> !endpoint.isActive() ? Uni.createFrom().item(endpoint)
                : zones(regionId, endpointId).map(zones -> endpoint.withParts(zones, null))
                        .onFailure(e -> !gone(e)).recoverWithItem(endpoint))
                .onFailure(AliyunPrivateLinkClient::gone).recoverWithItem(Observation.gone());
    }

    @Override
    public Uni<Observation> connection(String regionId, String serviceId, String endpointId) {
        return call("ListVpcEndpointConnections", Map.of("RegionId", regionId, "ServiceId", serviceId,
                "EndpointId", endpointId)).map(ListedParts::connection);
    }

    @Override
    public Uni<String> createService(Map<String, String> parameters, String clientToken, boolean dryRun) {
        Map<String, String> p = new LinkedHashMap<>(parameters);
        p.put("ClientToken", clientToken);
        if (dryRun) {
            p.put("DryRun", "true");
            return dryRun(call("CreateVpcEndpointService", p)).replaceWith((String) null);
        }
        return call("CreateVpcEndpointService", p).map(answer -> {
            if (!(answer.get("ServiceId") instanceof String serviceId) || serviceId.isEmpty()) {
                throw new CloudException("InvalidResponse", "the cloud's answer to CreateVpcEndpointService has no "
                        + "ServiceId", 0, null);
            }
            return serviceId;
        });
    }

    @Override
    public Uni<ServiceObservation> observeService(String regionId, String serviceId) {
        Map<String, String> of = Map.of("RegionId", regionId, "ServiceId", serviceId);
        return call("GetVpcEndpointServiceAttribute", of)
                .flatMap(service -> pages("ListVpcEndpointServiceResources", of, "Resources", List.of(), null)
                        .flatMap(resources -> pages("ListVpcEndpointServiceUsers", of, "Users", List.of(), null)
                                .flatMap(users -> pages("ListVpcEndpointConnections", of, "Connections", List.of(),
                                        null).map(connections -> ListedParts.service(service, resources, users,
                                                connections)))))
                .onFailure(e -> CloudException.is(e, CloudErrors.SERVICE_NOT_FOUND))
                .recoverWithItem(ServiceObservation.gone());
    }

    private Uni<List<Observation.ZoneState>> zones(String regionId, String endpointId) {
        return pages("ListVpcEndpointZones", endpoint(regionId, endpointId), "Zones", List.of(), null)
                .map(zones -> zones.stream().map(ListedParts::zone).toList());
    }

    private static boolean gone(Throwable e) {
        return CloudException.is(e, CloudErrors.ENDPOINT_NOT_FOUND);
    }

    @Override
    public Uni<Observation> observeFully(String regionId, String endpointId) {
        return observe(regionId, endpointId).flatMap(endpoint -> !endpoint.exists() ? Uni.createFrom().item(endpoint)
                : zones(regionId, endpointId)
                        .flatMap(zones -> pages("ListVpcEndpointSecurityGroups", endpoint(regionId, endpointId),
                                "SecurityGroups", List.of(), null)
                                .map(groups -> endpoint.withParts(zones,
                                        groups.stream().map(ListedParts::group).toList())))
                        .onFailure(AliyunPrivateLinkClient::gone)
                        .recoverWithItem(Observation.gone()));
    }

    /** Every page of a list action, following NextToken (Terraform reads only the first). */
    @SuppressWarnings("unchecked")
    private Uni<List<Map<String, Object>>> pages(String action, Map<String, String> of, String items,
            List<Map<String, Object>> before, String nextToken) {
        Map<String, String> p = new LinkedHashMap<>(of);
        p.put("MaxResults", "50");
        if (nextToken != null) {
            p.put("NextToken", nextToken);
        }
        return call(action, p).flatMap(answer -> {
            List<Map<String, Object>> all = new java.util.ArrayList<>(before);
            Object page = answer.get(items);
            if (page instanceof List<?> list) {
                list.forEach(item -> all.add((Map<String, Object>) item));
            }
            String next = answer.get("NextToken") == null ? "" : answer.get("NextToken").toString();
            return next.isEmpty() ? Uni.createFrom().item(all) : pages(action, of, items, all, next);
        });
    }

    private static Map<String, String> endpoint(String regionId, String endpointId) {
        return Map.of("RegionId", regionId, "EndpointId", endpointId);
    }

    @Override
    public Uni<Void> change(String regionId, String id, CloudChange change, String clientToken, boolean dryRun) {
        Map<String, String> p = new LinkedHashMap<>(change.parameters());
        p.put("RegionId", regionId);
        p.put(change.idParameter(), id);
        p.put("ClientToken", clientToken);
        if (dryRun) {
            p.put("DryRun", "true");
            return dryRun(call(change.action(), p));
        }
        return call(change.action(), p).replaceWithVoid();
    }

    /** A DryRun's pass is the cloud's DryRunOperation answer. */
    private static Uni<Void> dryRun(Uni<Map<String, Object>> call) {
        return call.replaceWithVoid()
                .onFailure(e -> CloudException.is(e, CloudErrors.DRY_RUN_OPERATION))
                .recoverWithNull();
    }

    private Uni<Map<String, Object>> call(String action, Map<String, String> parameters) {
        Context parent = Context.current();
        Uni<Map<String, Object>> call = Uni.createFrom().item(() -> traced(parent, action, parameters))
                .runSubscriptionOn(calls);
        // Waiting for the turn is a timer, not a parked thread.
        return shares.turn(action, share).chain(() -> call);
    }

    /** A client span per call, child of the caller's, with the action, the ClientToken and the outcome. */
    private Map<String, Object> traced(Context parent, String action, Map<String, String> parameters) {
        Span span = tracer.spanBuilder("PrivateLink " + action).setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setAttribute("privatelink.action", action).startSpan();
        if (parameters.containsKey("ClientToken")) {
            span.setAttribute("privatelink.client_token", parameters.get("ClientToken"));
        }
        try (Scope ignored = span.makeCurrent()) {
            return measured(action, parameters);
        } catch (CloudException e) {
            span.setAttribute("privatelink.code", String.valueOf(e.code()));
            span.setStatus(StatusCode.ERROR, String.valueOf(e.code()));
            throw e;
        } finally {
            span.end();
        }
    }

    /** Every call timed by action and outcome (Success or the error code); throttled calls counted apart. */
    private Map<String, Object> measured(String action, Map<String, String> parameters) {
        long start = System.nanoTime();
        String outcome = "Success";
        try {
            Map<String, Object> answer = invoke(action, parameters);
            pacer.succeeded(action);
            return answer;
        } catch (CloudException e) {
            outcome = e.code() == null ? "Unknown" : e.code();
            if (CloudErrors.isThrottled(e.code())) {
                metrics.counter("privatelink.cloud.throttled", "account", account, "action", action).increment();
                pacer.throttled(action);
            }
            throw e;
        } finally {
            Timer.builder("privatelink.cloud.calls").description("Cloud API calls by action and outcome")
                    .tags("account", account, "action", action, "outcome", outcome).publishPercentileHistogram()
                    .register(metrics).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The call; once more with the role assumed again when the cloud says the account's token has expired before the
     * SDK's own clock renewed it.
     */
    private Map<String, Object> invoke(String action, Map<String, String> parameters) {
        SdkClients.Sdk sdk = sdk();
        RenewableCredentials.Generation used = sdk.credentials().generation();
        try {
            return send(sdk.client(), action, parameters);
        } catch (CloudException e) {
            if (!CloudErrors.EXPIRED_TOKEN.equals(e.code())) {
                throw e;
            }
            sdk.credentials().renew(used);
            return send(sdk.client(), action, parameters);
        }
    }

    private Map<String, Object> send(IAcsClient client, String action, Map<String, String> parameters) {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(ProtocolType.valueOf(config.protocol().toUpperCase(java.util.Locale.ROOT)));
        request.setSysDomain(config.endpoint().orElse("privatelink." + parameters.get("RegionId") + ".aliyuncs.com"));
        request.setSysVersion(VERSION);
        request.setSysAction(action);
        request.setSysAccept(FormatType.JSON);
        // Per request: the SDK's HTTP client is one per JVM, so a profile's timeouts may not be the ones in force.
        request.setSysConnectTimeout((int) config.connectTimeout().toMillis());
        request.setSysReadTimeout((int) config.readTimeout().toMillis());
        parameters.forEach(request::putQueryParameter);
        try {
            CommonResponse response = client.getCommonResponse(request);
            Map<String, Object> answer = json.readValue(response.getData(), FIELDS);
            // The call's own RequestId is no attribute of the endpoint.
            answer.remove("RequestId");
            return answer;
        } catch (ServerException e) {
            throw new CloudException(e.getErrCode(), SecurityTokens.redacted(e.getErrMsg()), 500, e.getRequestId());
        } catch (ClientException e) {
            throw new CloudException(e.getErrCode(), SecurityTokens.redacted(e.getErrMsg()), 400, e.getRequestId());
        } catch (java.io.IOException e) {
            throw new CloudException("InvalidResponse", "the cloud's answer is not JSON: " + e.getMessage(), 0, null);
        }
    }

    void close() {
        client.thenAccept(sdk -> sdk.client().shutdown());
    }
}
