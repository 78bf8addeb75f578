package io.privatelink.provisioner.fakes;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.cloud.Creation;
import io.privatelink.provisioner.cloud.EndpointChange;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.smallrye.mutiny.Uni;

/**
 * One account's PrivateLink in memory, for the use cases' unit tests: endpoints by id with the status the test gives
 * them, every call recorded, and refusals the test queues per action (answered before the call has any effect).
 */
public final class InMemoryCloud implements PrivateLinkClient {

    /** A call as the cloud received it. */
    public record Call(String action, String endpointId, String clientToken, boolean dryRun) {
    }

    private final Map<String, Observation> endpoints = new LinkedHashMap<>();
    /** The connections to the services this account owns, by "serviceId/endpointId". */
    private final Map<String, String> connections = new LinkedHashMap<>();
    private final Map<String, String> byToken = new LinkedHashMap<>();
    private final Map<String, Deque<CloudException>> refusals = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private int created;

    /** The next call of {@code action} is refused with this code (retryable as CloudErrors says). */
    public synchronized InMemoryCloud refuseNext(String action, String code, int httpStatus) {
        refusals.computeIfAbsent(action, a -> new ArrayDeque<>())
                .add(new CloudException(code, code + " (in-memory cloud)", httpStatus, "request-" + calls.size()));
        return this;
    }

    /**
     * Puts an endpoint in this status, as the cloud would have it after a while; its connection as an auto-accepting
     * service's (Connected once Active).
     */
    public synchronized void set(String endpointId, String status) {
        set(endpointId, status, Observation.ACTIVE.equals(status) ? "Connected" : "Disconnected");
    }

    /** Puts an endpoint in this status with this connection (and no zones). */
    public synchronized void set(String endpointId, String status, String connection) {
        endpoints.put(endpointId, new Observation(true, status, Map.of("EndpointId", endpointId,
                "EndpointStatus", status, "ConnectionStatus", connection)));
    }

    /** The endpoint as the cloud will show it from now on. */
    public synchronized void put(String endpointId, Observation seen) {
        endpoints.put(endpointId, seen);
    }

    /** The endpoint gone without a call of the service's (deleted in the console, say). */
    public synchronized void deleteOutOfBand(String endpointId) {
        endpoints.remove(endpointId);
    }

    /** An endpoint's connection to a service of this account, in this ConnectionStatus. */
    public synchronized void putConnection(String serviceId, String endpointId, String status) {
        connections.put(serviceId + "/" + endpointId, status);
    }

    /** An endpoint made elsewhere, Active. */
    public synchronized String madeElsewhere() {
        String id = "ep-elsewhere" + (++created);
        set(id, Observation.ACTIVE);
        return id;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String action) {
        return calls.stream().filter(c -> c.action().equals(action)).toList();
    }

    public synchronized boolean holds(String endpointId) {
        return endpoints.containsKey(endpointId);
    }

    private synchronized void answer(Call call) {
        calls.add(call);
        Deque<CloudException> queued = refusals.get(call.action());
        if (queued != null && !queued.isEmpty()) {
            throw queued.poll();
        }
    }

    @Override
    public Duration backlog(String action) {
        return Duration.ZERO;
    }

    @Override
    public Uni<Creation> create(Map<String, String> parameters, String clientToken) {
        return Uni.createFrom().item(() -> {
            answer(new Call(CREATE, null, clientToken, false));
            synchronized (this) {
                String id = byToken.computeIfAbsent(clientToken, t -> "ep-memory" + (++created));
                set(id, "Creating");
                return new Creation(id, endpoints.get(id).attributes());
            }
        });
    }

    @Override
    public Uni<Void> checkCreate(Map<String, String> parameters, String clientToken) {
        return Uni.createFrom().item(() -> {
            answer(new Call(CREATE, null, clientToken, true));
            return null;
        });
    }

    @Override
    public Uni<Observation> observe(String regionId, String endpointId) {
        return Uni.createFrom().item(() -> {
            answer(new Call(OBSERVE, endpointId, null, false));
            synchronized (this) {
                return endpoints.getOrDefault(endpointId, Observation.gone());
            }
        });
    }

    @Override
    public Uni<Observation> observeConnection(String regionId, String endpointId) {
        return observe(regionId, endpointId).map(seen -> seen.isActive() && seen.zones() == null
                ? seen.withParts(List.of(), null) : seen);
    }

    @Override
    public Uni<Observation> connection(String regionId, String serviceId, String endpointId) {
        return Uni.createFrom().item(() -> {
            answer(new Call("ListVpcEndpointConnections", endpointId, null, false));
            synchronized (this) {
                String status = connections.get(serviceId + "/" + endpointId);
                return status == null ? Observation.gone() : new Observation(true, status, Map.of("ServiceId",
                        serviceId, "EndpointId", endpointId, "ConnectionStatus", status));
            }
        });
    }

    @Override
    public Uni<Observation> observeFully(String regionId, String endpointId) {
        return observe(regionId, endpointId).map(seen -> seen.exists() && seen.zones() == null
                ? seen.withParts(List.of(), List.of()) : seen);
    }

    @Override
    public Uni<Void> change(String regionId, String endpointId, EndpointChange change, String clientToken,
            boolean dryRun) {
        return Uni.createFrom().item(() -> {
            answer(new Call(change.action(), endpointId, clientToken, dryRun));
            synchronized (this) {
                if (!dryRun && change instanceof EndpointChange.DeleteEndpoint) {
                    endpoints.remove(endpointId);
                } else if (!dryRun && change instanceof EndpointChange.EnableConnection enable) {
                    connections.put(enable.serviceId() + "/" + endpointId, "Connected");
                } else if (!dryRun && change instanceof EndpointChange.DisableConnection disable) {
                    connections.put(disable.serviceId() + "/" + endpointId, "Disconnected");
                }
            }
            return null;
        });
    }
}
