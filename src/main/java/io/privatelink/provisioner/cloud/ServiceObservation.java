package io.privatelink.provisioner.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.privatelink.provisioner.api.ServiceResource;

/**
 * What the cloud says an endpoint service is now: gone (EndpointServiceNotFound), or there with its ServiceStatus, its
 * attributes, its backend resources, the accounts allowed to connect and its endpoints' connections.
 */
public record ServiceObservation(boolean exists, String status, Map<String, Object> attributes,
        List<ServiceResource> resources, List<String> users, List<Connection> connections) {

    /** An endpoint's connection to the service, as ListVpcEndpointConnections shows it to the owner. */
    public record Connection(String endpointId, String endpointOwnerId, String status) {

        /** Connected, or on its way in or out: a service with one cannot be deleted. */
        public boolean holdsService() {
            return !List.of("Disconnected", "ServiceDeleted").contains(status);
        }
    }

    public ServiceObservation {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        resources = List.copyOf(resources);
        users = List.copyOf(users);
        connections = List.copyOf(connections);
    }

    public static ServiceObservation gone() {
        return new ServiceObservation(false, null, Map.of(), List.of(), List.of(), List.of());
    }

    public boolean isActive() {
        return exists && "Active".equals(status);
    }

    /** Being made, changed or deleted: no change is asked of it meanwhile. */
    public boolean isInTransition() {
        return exists && List.of("Creating", "Pending", "Deleting").contains(status);
    }

    /** The service as its record keeps it: the attributes, with its resources, users and connections. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(attributes);
        view.put("Resources", resources);
        view.put("Users", users);
        view.put("Connections", connections.stream().map(c -> Map.of("EndpointId", c.endpointId(),
                "EndpointOwnerId", String.valueOf(c.endpointOwnerId()), "ConnectionStatus", String.valueOf(c.status())))
                .toList());
        return view;
    }
}
