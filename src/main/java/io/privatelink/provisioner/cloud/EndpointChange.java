package io.privatelink.provisioner.cloud;

import java.util.LinkedHashMap;
import java.util.Map;

/** One change to an endpoint, as one call of the API's own actions makes it. */
public sealed interface EndpointChange extends CloudChange {

    /** DeleteVpcEndpoint: the endpoint itself goes. */
    record DeleteEndpoint() implements EndpointChange {
        public String action() {
            return "DeleteVpcEndpoint";
        }

        public Map<String, String> parameters() {
            return Map.of();
        }

        public String target() {
            return "";
        }
    }

    /** UpdateVpcEndpointAttribute with only the attributes that differ. */
    record Attributes(Map<String, String> changed) implements EndpointChange {
        public Attributes {
            changed = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(changed));
        }

        public String action() {
            return "UpdateVpcEndpointAttribute";
        }

        public Map<String, String> parameters() {
            return changed;
        }

        public String target() {
            return String.join(",", changed.keySet());
        }
    }

    record AttachGroup(String securityGroupId) implements EndpointChange {
        public String action() {
            return "AttachSecurityGroupToVpcEndpoint";
        }

        public Map<String, String> parameters() {
            return Map.of("SecurityGroupId", securityGroupId);
        }

        public String target() {
            return securityGroupId;
        }
    }

    record DetachGroup(String securityGroupId) implements EndpointChange {
        public String action() {
            return "DetachSecurityGroupFromVpcEndpoint";
        }

        public Map<String, String> parameters() {
            return Map.of("SecurityGroupId", securityGroupId);
        }

        public String target() {
            return securityGroupId;
        }
    }

    record AddZone(String zoneId, String vSwitchId, String ip, String ipv6Address) implements EndpointChange {
        public String action() {
            return "AddZoneToVpcEndpoint";
        }

        public Map<String, String> parameters() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("ZoneId", zoneId);
            p.put("VSwitchId", vSwitchId);
            if (ip != null) {
                p.put("ip", ip);
            }
            if (ipv6Address != null) {
                p.put("Ipv6Address", ipv6Address);
            }
            return p;
        }

        public String target() {
            return zoneId;
        }
    }

    /** EnableVpcEndpointConnection: the service's owner accepts the endpoint's connection (a bandwidth, or its default). */
    record EnableConnection(String serviceId, Integer bandwidth) implements EndpointChange {
        public String action() {
            return "EnableVpcEndpointConnection";
        }

        public Map<String, String> parameters() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("ServiceId", serviceId);
            if (bandwidth != null) {
                p.put("Bandwidth", bandwidth.toString());
            }
            return p;
        }

        public String target() {
            return serviceId;
        }
    }

    /** DisableVpcEndpointConnection: the service's owner refuses (or ends) the endpoint's connection. */
    record DisableConnection(String serviceId) implements EndpointChange {
        public String action() {
            return "DisableVpcEndpointConnection";
        }

        public Map<String, String> parameters() {
            return Map.of("ServiceId", serviceId);
        }

        public String target() {
            return serviceId;
        }
    }

    /** EnableVpcEndpointZoneConnection: one zone of a connected connection connected again by the service's owner. */
    record EnableZoneConnection(String serviceId, String zoneId) implements EndpointChange {
        public String action() {
            return "EnableVpcEndpointZoneConnection";
        }

        public Map<String, String> parameters() {
            return Map.of("ServiceId", serviceId, "ZoneId", zoneId);
        }

        public String target() {
            return zoneId;
        }
    }

    /** DisableVpcEndpointZoneConnection: one zone disconnected by the service's owner, the connection kept. */
    record DisableZoneConnection(String serviceId, String zoneId) implements EndpointChange {
        public String action() {
            return "DisableVpcEndpointZoneConnection";
        }

        public Map<String, String> parameters() {
            return Map.of("ServiceId", serviceId, "ZoneId", zoneId);
        }

        public String target() {
            return zoneId;
        }
    }

    record RemoveZone(String zoneId) implements EndpointChange {
        public String action() {
            return "RemoveZoneFromVpcEndpoint";
        }

        public Map<String, String> parameters() {
            return Map.of("ZoneId", zoneId);
        }

        public String target() {
            return zoneId;
        }
    }
}
