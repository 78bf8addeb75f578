package io.privatelink.provisioner.cloud;

import java.util.Map;

import io.privatelink.provisioner.api.ServiceResource;

/** One change to an endpoint service, as one call of the API's own actions makes it. */
public sealed interface ServiceChange extends CloudChange {

    @Override
    default String idParameter() {
        return "ServiceId";
    }

    /** CreateVpcEndpointService with the request's flattened parameters: the service's ServiceId comes back. */
    record Create(Map<String, String> parameters) implements ServiceChange {
        public Create {
            parameters = Map.copyOf(parameters);
        }

        public String action() {
            return "CreateVpcEndpointService";
        }

        public String target() {
            return "";
        }
    }

    /** UpdateVpcEndpointServiceAttribute with only the attributes that differ. */
    record Attributes(Map<String, String> changed) implements ServiceChange {
        public Attributes {
            changed = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(changed));
        }

        public String action() {
            return "UpdateVpcEndpointServiceAttribute";
        }

        public Map<String, String> parameters() {
            return changed;
        }

        public String target() {
            return String.join(",", changed.keySet());
        }
    }

    /** AttachResourceToVpcEndpointService: a backend (a load balancer) serves the service, in a zone for all but slb. */
    record AttachResource(ServiceResource resource) implements ServiceChange {
        public String action() {
            return "AttachResourceToVpcEndpointService";
        }

        public Map<String, String> parameters() {
            return resource.parameters();
        }

        public String target() {
            return resource.resourceId();
        }
    }

    record DetachResource(ServiceResource resource) implements ServiceChange {
        public String action() {
            return "DetachResourceFromVpcEndpointService";
        }

        public Map<String, String> parameters() {
            return resource.parameters();
        }

        public String target() {
            return resource.resourceId();
        }
    }

    /** AddUserToVpcEndpointService: an account allowed to connect endpoints to the service. */
    record AddUser(String userId) implements ServiceChange {
        public String action() {
            return "AddUserToVpcEndpointService";
        }

        public Map<String, String> parameters() {
            return Map.of("UserId", userId);
        }

        public String target() {
            return userId;
        }
    }

    record RemoveUser(String userId) implements ServiceChange {
        public String action() {
            return "RemoveUserFromVpcEndpointService";
        }

        public Map<String, String> parameters() {
            return Map.of("UserId", userId);
        }

        public String target() {
            return userId;
        }
    }

    /** DisableVpcEndpointConnection of one endpoint, before its service is deleted (when the delete asks for it). */
    record DisableConnection(String endpointId) implements ServiceChange {
        public String action() {
            return "DisableVpcEndpointConnection";
        }

        public Map<String, String> parameters() {
            return Map.of("EndpointId", endpointId);
        }

        public String target() {
            return endpointId;
        }
    }

    /** DeleteVpcEndpointService: the service itself goes. */
    record DeleteService() implements ServiceChange {
        public String action() {
            return "DeleteVpcEndpointService";
        }

        public Map<String, String> parameters() {
            return Map.of();
        }

        public String target() {
            return "";
        }
    }
}
