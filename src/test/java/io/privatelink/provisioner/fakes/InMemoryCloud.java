package io.privatelink.provisioner.fakes;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.privatelink.provisioner.api.ServiceResource;
import io.privatelink.provisioner.cloud.CloudChange;
import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.cloud.Creation;
import io.privatelink.provisioner.cloud.EndpointChange;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.privatelink.provisioner.cloud.ServiceChange;
import io.privatelink.provisioner.cloud.ServiceObservation;
import io.smallrye.mutiny.Uni;

/**
 * One account's PrivateLink in memory, for the use cases' unit tests: endpoints by id with the status the test gives
 * them, every call recorded, and refusals the test queues per action (answered before the call has any effect).
 */
public final class InMemoryCloud implements PrivateLinkClient {

    /** A call as the cloud received it. */
    public record Call(String action, String endpointId, String clientToken, boolean dryRun) {
    }

    /** The account id the cloud lists as a new service's first allowed user: its owner's. */
    public static final String OWNER = "1000";

    private final Map<String, Observation> endpoints = new LinkedHashMap<>();
    private final Map<String, ServiceObservation> services = new LinkedHashMap<>();
    /** The accounts of the endpoints connected to this account's services, by EndpointId ("1" when not given). */
    private final Map<String, String> owners = new LinkedHashMap<>();
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

    /** The same, from an endpoint in the account {@code owner}. */
    public synchronized void putConnection(String serviceId, String endpointId, String status, String owner) {
        putConnection(serviceId, endpointId, status);
        owners.put(endpointId, owner);
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
    public Uni<String> createService(Map<String, String> parameters, String clientToken, boolean dryRun) {
        return Uni.createFrom().item(() -> {
            answer(new Call("CreateVpcEndpointService", null, clientToken, dryRun));
            if (dryRun) {
                return null;
            }
            synchronized (this) {
                String id = byToken.computeIfAbsent(clientToken, t -> "epsrv-memory" + (++created));
                List<ServiceResource> resources = new ArrayList<>();
                for (int i = 1; parameters.containsKey("Resource." + i + ".ResourceId"); i++) {
                    resources.add(new ServiceResource(parameters.get("Resource." + i + ".ResourceId"),
                            parameters.get("Resource." + i + ".ResourceType"), parameters.get("Resource." + i
                                    + ".ZoneId")));
                }
                Map<String, Object> attributes = new LinkedHashMap<>(Map.of("ServiceId", id,
                        "AutoAcceptEnabled", Boolean.parseBoolean(parameters.get("AutoAcceptEnabled"))));
                services.put(id, new ServiceObservation(true, "Creating", attributes, resources, List.of(OWNER),
                        List.of()));
                return id;
            }
        });
    }

    @Override
    public Uni<ServiceObservation> observeService(String regionId, String serviceId) {
        return Uni.createFrom().item(() -> {
            answer(new Call("GetVpcEndpointServiceAttribute", serviceId, null, false));
            synchronized (this) {
                ServiceObservation s = services.getOrDefault(serviceId, ServiceObservation.gone());
                List<ServiceObservation.Connection> held = connections.entrySet().stream()
                        .filter(c -> c.getKey().startsWith(serviceId + "/"))
                        .map(c -> {
                            String endpointId = c.getKey().substring(serviceId.length() + 1);
                            return new ServiceObservation.Connection(endpointId, owners.getOrDefault(endpointId, "1"),
                                    c.getValue());
                        }).toList();
                return s.exists() ? new ServiceObservation(true, s.status(), s.attributes(), s.resources(),
                        s.users(), held) : s;
            }
        });
    }

    /** Puts a service in this status (Creating, Active, Pending), as the cloud would have it after a while. */
    public synchronized void setService(String serviceId, String status) {
        ServiceObservation s = services.get(serviceId);
        services.put(serviceId, new ServiceObservation(true, status, s.attributes(), s.resources(), s.users(),
                List.of()));
    }

    /** The service deleted without a call of the service's (in the console, say). */
    public synchronized void deleteServiceOutOfBand(String serviceId) {
        services.remove(serviceId);
    }

    public synchronized ServiceObservation service(String serviceId) {
        return services.getOrDefault(serviceId, ServiceObservation.gone());
    }

    /** A service made elsewhere, Active, with one slb resource. */
    public synchronized String serviceMadeElsewhere() {
        String id = "epsrv-elsewhere" + (++created);
        services.put(id, new ServiceObservation(true, "Active", Map.of("ServiceId", id, "AutoAcceptEnabled", false),
                List.of(new ServiceResource("lb-elsewhere", "slb", null)), List.of(OWNER), List.of()));
        return id;
    }

    /** A service change made (not a DryRun): the service as it leaves it. */
    private void changeService(String serviceId, ServiceChange change) {
        ServiceObservation s = services.get(serviceId);
        List<ServiceResource> resources = new ArrayList<>(s.resources());
        List<String> users = new ArrayList<>(s.users());
        Map<String, Object> attributes = new LinkedHashMap<>(s.attributes());
        if (change instanceof ServiceChange.DeleteService) {
            services.remove(serviceId);
            return;
        } else if (change instanceof ServiceChange.AttachResource a) {
            resources.add(a.resource());
        } else if (change instanceof ServiceChange.DetachResource d) {
            resources.removeIf(r -> r.resourceId().equals(d.resource().resourceId()));
        } else if (change instanceof ServiceChange.AddUser a) {
            users.add(a.userId());
        } else if (change instanceof ServiceChange.RemoveUser r) {
            users.remove(r.userId());
        } else if (change instanceof ServiceChange.Attributes a) {
            attributes.putAll(a.changed());
        } else if (change instanceof ServiceChange.DisableConnection d) {
            connections.put(serviceId + "/" + d.endpointId(), "Disconnected");
        }
        services.put(serviceId, new ServiceObservation(true, s.status(), attributes, resources, users, List.of()));
    }

    @Override
    public Uni<Void> change(String regionId, String endpointId, CloudChange change, String clientToken,
            boolean dryRun) {
        return Uni.createFrom().item(() -> {
            answer(new Call(change.action(), endpointId, clientToken, dryRun));
            synchronized (this) {
                if (!dryRun && change instanceof ServiceChange service) {
                    changeService(endpointId, service);
                }
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
