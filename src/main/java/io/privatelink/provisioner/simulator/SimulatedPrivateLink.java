package io.privatelink.provisioner.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.privatelink.provisioner.simulator.SimulatorSeed.Service;
import io.privatelink.provisioner.simulator.SimulatorSeed.VSwitch;

/** The PrivateLink actions of the simulated cloud, over the seeded resources and the endpoint store. */
final class SimulatedPrivateLink {

    /** Parameters that are part of the protocol, not of the request an idempotency token stands for. */
    private static final Set<String> PROTOCOL_PARAMETERS = Set.of("AccessKeyId", "Action", "Format", "Signature",
            "SignatureMethod", "SignatureNonce", "SignatureType", "SignatureVersion", "Timestamp", "Version",
            "SecurityToken", "ClientToken", "DryRun");
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SimulatorSeed seed;
    private final EndpointStore store;
    private final Clock clock;
    private final Duration activeAfter;
    private final SecureRandom random = new SecureRandom();

    SimulatedPrivateLink(SimulatorSeed seed, EndpointStore store, Clock clock, Duration activeAfter) {
        this.seed = seed;
        this.store = store;
        this.clock = clock;
        this.activeAfter = activeAfter;
    }

    Map<String, Object> createVpcEndpoint(Map<String, String> p) {
        String regionId = required(p, "RegionId");
        String vpcId = required(p, "VpcId");
        String clientToken = p.get("ClientToken");
        String signature = requestSignature(p);
        boolean dryRun = "true".equalsIgnoreCase(p.get("DryRun"));
        if (!dryRun) {
            var replay = store.byClientToken(clientToken);
            if (replay.isPresent()) {
                if (!replay.get().requestSignature().equals(signature)) {
                    throw SimulatorException.badRequest("IdempotenceSignatureMismatch",
                            "The specified ClientToken was used before with other parameters.");
                }
                return response(replay.get());
            }
        }
        seed.vpcs().stream().filter(v -> v.vpcId().equals(vpcId) && v.regionId().equals(regionId)).findFirst()
                .orElseThrow(() -> SimulatorException.badRequest("VpcNotFound", "The specified VPC does not exist."));
        Service service = service(regionId, p.get("ServiceId"), p.get("ServiceName"));
        String endpointType = p.getOrDefault("EndpointType", "Interface");
        List<String> zoneIds = zones(p, vpcId, service);
        List<String> securityGroups = indexed(p, "SecurityGroupId.");
        for (String sg : securityGroups) {
            seed.securityGroups().stream().filter(g -> g.securityGroupId().equals(sg) && g.vpcId().equals(vpcId))
                    .findFirst().orElseThrow(() -> SimulatorException.badRequest("SecurityGroupNotFound",
                            "The specified security group does not exist."));
        }
        long inVpc = store.countInVpc(vpcId);
        if (inVpc >= seed.quotas().totalEpPerVpc()) {
            throw SimulatorException.badRequest("QuotaExceeded.totalEpPerVpc", String.format(
                    "The quota of %s is exceeded, usage %s/%s.", "totalEpPerVpc", inVpc, seed.quotas().totalEpPerVpc()));
        }
        if (dryRun) {
            throw SimulatorException.badRequest("DryRunOperation",
                    "Request validation has been passed with DryRun flag set.");
        }
        SimulatedEndpoint endpoint = new SimulatedEndpoint(newId("ep-"), regionId, vpcId, service.serviceId(),
                service.serviceName(), p.get("EndpointName"), p.get("EndpointDescription"), endpointType,
                p.getOrDefault("AddressIpVersion", "IPv4"), "true".equalsIgnoreCase(p.get("ZoneAffinityEnabled")),
                service.autoAcceptEnabled(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                clientToken, signature, zoneIds, securityGroups);
        store.add(endpoint);
        return response(endpoint);
    }

    Map<String, Object> getVpcEndpointAttribute(Map<String, String> p) {
        String regionId = required(p, "RegionId");
        String endpointId = required(p, "EndpointId");
        SimulatedEndpoint endpoint = store.byId(endpointId).filter(e -> e.regionId().equals(regionId))
                .orElseThrow(() -> SimulatorException.badRequest("EndpointNotFound",
                        "The specified endpoint does not exist."));
        Map<String, Object> body = endpoint.attributes(clock.instant(), activeAfter);
        body.put("ResourceOwner", true);
        body.put("Payer", "Endpoint");
        body.put("ZonePrivateIpAddressCount", 1);
        return body;
    }

    private Map<String, Object> response(SimulatedEndpoint endpoint) {
        Map<String, Object> body = new LinkedHashMap<>(endpoint.attributes(clock.instant(), activeAfter));
        body.remove("EndpointType");
        body.remove("RegionId");
        return body;
    }

    private Service service(String regionId, String serviceId, String serviceName) {
        if (serviceId == null && serviceName == null) {
            throw SimulatorException.badRequest("MissingServiceId", "ServiceId or ServiceName is mandatory for this action.");
        }
        return seed.services().stream()
                .filter(s -> s.regionId().equals(regionId))
                .filter(s -> serviceId == null || s.serviceId().equals(serviceId))
                .filter(s -> serviceName == null || s.serviceName().equals(serviceName))
                .findFirst()
                .orElseThrow(() -> SimulatorException.badRequest("EndpointServiceNotFound",
                        "The specified Service does not exist."));
    }

    private List<String> zones(Map<String, String> p, String vpcId, Service service) {
        List<String> zoneIds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; p.containsKey("Zone." + i + ".ZoneId") || p.containsKey("Zone." + i + ".VSwitchId"); i++) {
            String zoneId = p.get("Zone." + i + ".ZoneId");
            String vSwitchId = p.get("Zone." + i + ".VSwitchId");
            VSwitch vSwitch = seed.vSwitches().stream()
                    .filter(v -> v.vSwitchId().equals(vSwitchId) && v.vpcId().equals(vpcId))
                    .findFirst().orElseThrow(() -> SimulatorException.badRequest("VSwitchNotFound",
                            "The specified VSwitch does not exist."));
            if (!seen.add(zoneId)) {
                throw SimulatorException.badRequest("EndpointZoneDuplicated", "The zone is duplicated for the Endpoint.");
            }
            if (!vSwitch.zoneId().equals(zoneId) || !service.zones().contains(zoneId)) {
                throw SimulatorException.badRequest("EndpointServiceNotSupportedZone",
                        "The specified endpoint service does not support the zone.");
            }
            zoneIds.add(zoneId);
        }
        return zoneIds;
    }

    private static List<String> indexed(Map<String, String> p, String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 1; p.containsKey(prefix + i); i++) {
            values.add(p.get(prefix + i));
        }
        return values;
    }

    private static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) {
            throw SimulatorException.badRequest("Missing" + name, name + " is mandatory for this action.");
        }
        return value;
    }

    /** What a ClientToken stands for: every API parameter, in a fixed order, the protocol's own left out. */
    static String requestSignature(Map<String, String> p) {
        return new TreeMap<>(p).entrySet().stream()
                .filter(e -> !PROTOCOL_PARAMETERS.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    private String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 20; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }
}
