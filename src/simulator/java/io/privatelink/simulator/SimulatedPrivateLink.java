package io.privatelink.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.privatelink.simulator.SimulatedEndpoint.Zone;
import io.privatelink.simulator.SimulatorSeed.SecurityGroup;
import io.privatelink.simulator.SimulatorSeed.Service;
import io.privatelink.simulator.SimulatorSeed.VSwitch;
import io.privatelink.simulator.SimulatorSeed.Vpc;

/**
 * The PrivateLink actions of the simulated cloud over the seeded resources and the endpoint state. CreateVpcEndpoint
 * runs its checks in the order a request meets them (form, idempotency, resources, quotas, addresses, DryRun) and
 * answers the seed page's codes when their conditions hold.
 */
final class SimulatedPrivateLink {

    /** Parameters that are part of the protocol, not of the request an idempotency token stands for. */
    private static final Set<String> PROTOCOL_PARAMETERS = Set.of("AccessKeyId", "Action", "Format", "Signature",
            "SignatureMethod", "SignatureNonce", "SignatureType", "SignatureVersion", "Timestamp", "Version",
            "SecurityToken", "ClientToken", "DryRun");
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    final SimulatorSeed seed;
    final SimulatorState state;
    final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> inFlightTokens = new HashSet<>();

    SimulatedPrivateLink(SimulatorSeed seed, SimulatorState state, Clock clock) {
        this.seed = seed;
        this.state = state;
        this.clock = clock;
    }

    /** Marks a ClientToken's first request as under way; a second one meanwhile gets IdempotenceProcessing. */
    synchronized void begin(String clientToken) {
        if (clientToken != null && !inFlightTokens.add(clientToken)) {
            throw SeedErrors.of("IdempotenceProcessing");
        }
    }

    synchronized void end(String clientToken) {
        if (clientToken != null) {
            inFlightTokens.remove(clientToken);
        }
    }

    synchronized Map<String, Object> createVpcEndpoint(Map<String, String> p, boolean stuck) {
        String regionId = required(p, "RegionId");
        String vpcId = required(p, "VpcId");
        String endpointType = p.getOrDefault("EndpointType", "Interface");
        String ipVersion = p.getOrDefault("AddressIpVersion", "IPv4");
        boolean dualStack = "DualStack".equals(ipVersion);
        boolean dryRun = "true".equalsIgnoreCase(p.get("DryRun"));
        List<Map<String, String>> zoneParams = indexedObjects(p, "Zone.");
        List<String> groupIds = indexed(p, "SecurityGroupId.");

        checkForm(p, endpointType, ipVersion, dualStack, zoneParams, groupIds);

        String clientToken = p.get("ClientToken");
        String signature = requestSignature(p);
        if (!dryRun) {
            var replay = state.byClientToken(clientToken);
            if (replay.isPresent()) {
                if (!replay.get().requestSignature().equals(signature)) {
                    throw SeedErrors.of("IdempotenceSignatureMismatch");
                }
                return createResponse(replay.get());
            }
        }

        Instant now = clock.instant();
        Vpc vpc = seed.vpcs().stream().filter(v -> v.vpcId().equals(vpcId) && v.regionId().equals(regionId))
                .findFirst().orElseThrow(() -> SeedErrors.of("VpcNotFound"));
        Service service = checkService(p, regionId, vpcId, endpointType, dualStack, now);
        List<VSwitch> vSwitches = checkZones(zoneParams, vpc, service, endpointType, dualStack);
        checkSecurityGroups(groupIds, vpcId, endpointType);
        checkQuotas(vpcId, now);
        List<Zone> zones = allocate(zoneParams, vSwitches, dualStack, now);

        if (dryRun) {
            throw SeedErrors.of("DryRunOperation");
        }
        List<SimulatedEndpoint.Tag> tags = indexedObjects(p, "Tag.").stream()
                .map(t -> new SimulatedEndpoint.Tag(t.get("Key"), t.getOrDefault("Value", ""))).toList();
        SimulatedEndpoint endpoint = new SimulatedEndpoint(newId("ep-"), regionId, vpcId, service.serviceId(),
                service.serviceName(), p.get("EndpointName"), p.get("EndpointDescription"), endpointType, ipVersion,
                "true".equalsIgnoreCase(p.get("ZoneAffinityEnabled")), service.autoAcceptEnabled(),
                p.get("ResourceGroupId"), p.get("PolicyDocument"), "true".equalsIgnoreCase(p.get("ProtectedEnabled")),
                now.truncatedTo(ChronoUnit.SECONDS), clientToken, signature, zones, groupIds, tags, stuck, null, null,
                null, null);
        state.put(endpoint);
        return createResponse(endpoint);
    }

    /** The parameters' own form: enumerations, addresses, and the rules between them. */
    private static void checkForm(Map<String, String> p, String endpointType, String ipVersion, boolean dualStack,
            List<Map<String, String>> zones, List<String> groupIds) {
        if (!Set.of("Interface", "Reverse", "GatewayLoadBalancer").contains(endpointType)) {
            throw SeedErrors.of("IllegalParam.EndpointType");
        }
        if (!Set.of("IPv4", "DualStack").contains(ipVersion)) {
            throw SeedErrors.of("IllegalParam.AddressIpVersion");
        }
        Set<String> zoneIds = new HashSet<>();
        for (Map<String, String> z : zones) {
            if (z.get("ip") != null && !AddressForms.isIpv4(z.get("ip"))) {
                throw SeedErrors.of("IllegalParam.Ip");
            }
            if (z.get("Ipv6Address") != null) {
                if (!AddressForms.isIpv6(z.get("Ipv6Address"))) {
                    throw SeedErrors.of("IllegalParam.Ipv6Address");
                }
                if (!dualStack) {
                    throw SeedErrors.of("OperationDenied.AddressIpVersionNotSupportSpecifyIpv6");
                }
            }
            if (!zoneIds.add(z.get("ZoneId"))) {
                throw SeedErrors.of("EndpointZoneDuplicated");
            }
        }
        if (dualStack && "Reverse".equals(endpointType)) {
            throw SeedErrors.of("OperationDenied.EndpointTypeNotSupportDualstack");
        }
        if ("GatewayLoadBalancer".equals(endpointType) && !groupIds.isEmpty()) {
            throw SeedErrors.of("GatewayLoadBalancerNotSupportSecurityGroup");
        }
    }

    private Service checkService(Map<String, String> p, String regionId, String vpcId, String endpointType,
            boolean dualStack, Instant now) {
        String serviceId = p.get("ServiceId");
        String serviceName = p.get("ServiceName");
        if (serviceId == null && serviceName == null) {
            throw SeedErrors.of("MissingServiceId");
        }
        Service service = seed.services().stream()
                .filter(s -> s.regionId().equals(regionId))
                .filter(s -> serviceId == null || s.serviceId().equals(serviceId))
                .filter(s -> serviceName == null || s.serviceName().equals(serviceName))
                .findFirst().orElseThrow(() -> SeedErrors.of("EndpointServiceNotFound"));
        if (service.deleted()) {
            throw SeedErrors.of("EndpointServiceDeleted");
        }
        if (!service.active()) {
            throw SeedErrors.of("IncorrectStatus.VpcEndpointService", service.serviceId(), service.status());
        }
        if (service.authorizedAccounts() != null && !service.authorizedAccounts().contains(seed.accountId())
                && !service.authorizedAccounts().contains("*")) {
            throw SeedErrors.of("EndpointServiceNotAuthorized");
        }
        if (service.resources() != null) {
            if (service.resources().isEmpty()) {
                throw SeedErrors.of("EndpointServiceResourceNotFound");
            }
            service.resources().stream().filter(r -> "alb".equalsIgnoreCase(r.resourceType())
                    && Boolean.FALSE.equals(r.supported())).findFirst()
                    .ifPresent(r -> {
                        throw SeedErrors.of("SpecifiedAlbNotSupport", r.resourceId());
                    });
        }
        if (!service.serviceType().equals(endpointType)) {
            throw SeedErrors.of("Mismatch.EndpointType", "EndpointType", endpointType, service.serviceType());
        }
        if (p.get("PolicyDocument") != null && Boolean.FALSE.equals(service.policySupported())) {
            throw SeedErrors.of("OperationDenied.EndpointPolicyNotSupport");
        }
        if ("Unsupported".equals(service.privateDomainStatus())) {
            throw SeedErrors.of("OperationDenied.PrivateDomainNotSupport");
        }
        if (service.privateDomainStatus() != null && !"Verified".equals(service.privateDomainStatus())) {
            throw SeedErrors.of("OperationDenied.PrivateDomainStatusNotSupport",
                    "PrivateDomainStatus " + service.privateDomainStatus());
        }
        if (dualStack && !service.dualStack()) {
            throw SeedErrors.of("OperationDenied.EndpointServiceNotSupportDualstack");
        }
        if (service.oneEndpointPerVpc()
                && state.countExisting(now, e -> e.vpcId().equals(vpcId) && e.serviceId().equals(service.serviceId())) > 0) {
            throw SeedErrors.of("EndpointDuplicated");
        }
        return service;
    }

    List<VSwitch> checkZones(List<Map<String, String>> zones, Vpc vpc, Service service, String endpointType,
            boolean dualStack) {
        List<VSwitch> vSwitches = new ArrayList<>();
        for (Map<String, String> z : zones) {
            VSwitch vSwitch = seed.vSwitches().stream()
                    .filter(v -> v.vSwitchId().equals(z.get("VSwitchId")) && v.vpcId().equals(vpc.vpcId()))
                    .findFirst().orElseThrow(() -> SeedErrors.of("VSwitchNotFound"));
            if (!vSwitch.available()) {
                throw SeedErrors.of("VSwitchStatusNotAllowed");
            }
            if (!vSwitch.zoneId().equals(z.get("ZoneId")) || !service.zones().contains(z.get("ZoneId"))) {
                throw SeedErrors.of("EndpointServiceNotSupportedZone");
            }
            if (dualStack && (vSwitch.ipv6CidrBlock() == null || !vpc.dualStack())) {
                throw SeedErrors.of("OperationDenied.VSwitchNotSupportDualstack");
            }
            vSwitches.add(vSwitch);
        }
        if ("GatewayLoadBalancer".equals(endpointType) && zones.size() > 1) {
            throw SeedErrors.of("GatewayLoadBalancerZoneCountDeny");
        }
        int zoneQuota = seed.quotas().epZonePerEndpoint();
        if (zones.size() > zoneQuota) {
            throw SeedErrors.of("QuotaExceeded.epZonePerEndpoint", "epZonePerEndpoint", zones.size(), zoneQuota);
        }
        int ipQuota = seed.quotas().ipPerEndpoint();
        if (zones.size() > ipQuota) {
            throw SeedErrors.of("QuotaExceeded.IpQuotaPerEp", "IpQuotaPerEp", zones.size(), ipQuota);
        }
        return vSwitches;
    }

    void checkSecurityGroups(List<String> groupIds, String vpcId, String endpointType) {
        Set<String> types = new HashSet<>();
        for (String id : groupIds) {
            SecurityGroup group = seed.securityGroups().stream()
                    .filter(g -> g.securityGroupId().equals(id) && g.vpcId().equals(vpcId))
                    .findFirst().orElseThrow(() -> SeedErrors.of("SecurityGroupNotFound"));
            if (!Set.of("normal", "enterprise").contains(group.type())) {
                throw SeedErrors.of("SecurityGroupTypeNotSupport");
            }
            types.add(group.type());
        }
        if (types.size() > 1) {
            throw SeedErrors.of("SecurityGroupTypeOnlySingleTypeSupporteded");
        }
        if ("Interface".equals(endpointType) && groupIds.isEmpty()) {
            throw SeedErrors.of("EndpointMustContainSecurityGroup");
        }
    }

    private void checkQuotas(String vpcId, Instant now) {
        long inVpc = state.countExisting(now, e -> e.vpcId().equals(vpcId));
        if (inVpc >= seed.quotas().totalEpPerVpc()) {
            throw SeedErrors.of("QuotaExceeded.totalEpPerVpc", "totalEpPerVpc", inVpc, seed.quotas().totalEpPerVpc());
        }
        long idle = state.countExisting(now,
                e -> !"Connected".equals(e.connectionStatus(state.status(e, now).orElse("Creating"))));
        if (idle >= seed.quotas().totalIdleEndpoint()) {
            throw SeedErrors.of("QuotaExceeded.totalIdleEndpoint", "totalIdleEndpoint", idle,
                    seed.quotas().totalIdleEndpoint());
        }
    }

    /** An ENI address per zone: the one asked for (inside the vSwitch and free), or the next free one. */
    List<Zone> allocate(List<Map<String, String>> zoneParams, List<VSwitch> vSwitches, boolean dualStack,
            Instant now) {
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < zoneParams.size(); i++) {
            Map<String, String> z = zoneParams.get(i);
            VSwitch vSwitch = vSwitches.get(i);
            Set<String> taken = state.existing(now).stream().flatMap(e -> e.zones().stream())
                    .filter(t -> t.removedAt() == null)
                    .filter(t -> t.vSwitchId().equals(vSwitch.vSwitchId())).map(Zone::ip).collect(Collectors.toSet());
            Cidr cidr = Cidr.parse(vSwitch.cidrBlock());
            int capacity = vSwitch.freeIpCount() != null ? vSwitch.freeIpCount() + taken.size() : cidr.usableHosts();
            if (taken.size() >= capacity) {
                throw SeedErrors.of("ResourceNotEnough.VSwitchIp");
            }
            String ip = z.get("ip");
            if (ip != null && (!cidr.contains(ip) || taken.contains(ip) || !cidr.isUsable(ip))) {
                throw SeedErrors.of("EniIpUnavailable");
            }
            if (ip == null) {
                ip = cidr.firstFree(taken);
            }
            String ipv6 = null;
            if (dualStack) {
                ipv6 = z.get("Ipv6Address") != null ? z.get("Ipv6Address")
                        : vSwitch.ipv6CidrBlock().replaceAll("::/\\d+$", "::") + Integer.toHexString(taken.size() + 16);
            }
            zones.add(new Zone(z.get("ZoneId"), vSwitch.vSwitchId(), newId("eni-"), ip, ipv6));
        }
        return zones;
    }

    synchronized Map<String, Object> getVpcEndpointAttribute(Map<String, String> p) {
        SimulatedEndpoint endpoint = existing(p, true);
        Map<String, Object> body = endpoint.attributes(state.status(endpoint, clock.instant()).orElseThrow());
        body.put("ResourceOwner", true);
        body.put("Payer", "Endpoint");
        body.put("ZonePrivateIpAddressCount", 1);
        return body;
    }

    synchronized Map<String, Object> listVpcEndpoints(Map<String, String> p) {
        String regionId = required(p, "RegionId");
        int maxResults = maxResults(p, 50, 1000);
        Instant now = clock.instant();
        Map<String, String> tagFilter = new LinkedHashMap<>();
        indexedObjects(p, "Tag.").forEach(t -> tagFilter.put(t.get("Key"), t.get("Value")));
        Predicate<SimulatedEndpoint> matches = e -> e.regionId().equals(regionId)
                && eq(p, "EndpointId", e.endpointId()) && eq(p, "EndpointName", e.endpointName())
                && eq(p, "EndpointStatus", state.status(e, now).orElse(""))
                && eq(p, "ConnectionStatus", e.connectionStatus(state.status(e, now).orElse("")))
                && eq(p, "EndpointType", e.endpointType()) && eq(p, "AddressIpVersion", e.addressIpVersion())
                && eq(p, "VpcId", e.vpcId()) && eq(p, "ServiceName", e.serviceName())
                && eq(p, "ServiceRegionId", e.regionId())
                && eq(p, "ResourceGroupId", e.resourceGroupId() == null ? "rg-default" : e.resourceGroupId())
                && tagFilter.entrySet().stream().allMatch(f -> e.tags().stream().anyMatch(t -> t.key().equals(f.getKey())
                        && (f.getValue() == null || f.getValue().equals(t.value()))));
        List<SimulatedEndpoint> all = state.existing(now).stream().filter(matches).toList();
        int start = pageStart(p, all.stream().map(SimulatedEndpoint::endpointId).toList());
        List<SimulatedEndpoint> page = all.subList(start, Math.min(all.size(), start + maxResults));
        List<Map<String, Object>> items = new ArrayList<>();
        for (SimulatedEndpoint e : page) {
            Map<String, Object> item = e.attributes(state.status(e, now).orElseThrow());
            item.put("ResourceOwner", true);
            item.put("Tags", e.tags().stream().map(t -> Map.of("Key", t.key(), "Value", t.value())).toList());
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MaxResults", maxResults);
        body.put("NextToken", start + maxResults < all.size() ? all.get(start + maxResults).endpointId() : "");
        body.put("TotalCount", all.size());
        body.put("Endpoints", items);
        return body;
    }

    synchronized Map<String, Object> deleteVpcEndpoint(Map<String, String> p) {
        SimulatedEndpoint endpoint = existing(p, false);
        Instant now = clock.instant();
        String status = state.status(endpoint, now).orElseThrow();
        if (!"Active".equals(status) && !"Deleting".equals(status)) {
            throw SeedErrors.of("EndpointOperationDenied", endpoint.endpointId(), status);
        }
        if ("true".equalsIgnoreCase(p.get("DryRun"))) {
            throw SeedErrors.of("DryRunOperation");
        }
        if (endpoint.deleteTime() == null) {
            state.put(endpoint.deleted(now));
        }
        return new LinkedHashMap<>();
    }

    synchronized Map<String, Object> listVpcEndpointZones(Map<String, String> p) {
        SimulatedEndpoint endpoint = existing(p, false);
        String status = state.status(endpoint, clock.instant()).orElseThrow();
        List<Map<String, Object>> zones = new ArrayList<>();
        Instant now = clock.instant();
        for (Zone z : endpoint.zones()) {
            var zoneStatus = endpoint.zoneStatus(z, status, now, state.changeTakes());
            if (zoneStatus.isEmpty()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ZoneId", z.zoneId());
            m.put("VSwitchId", z.vSwitchId());
            m.put("EniId", z.eniId());
            m.put("EniIp", z.ip());
            m.put("ZoneIpv6Address", z.ipv6() == null ? "" : z.ipv6());
            m.put("ZoneDomain", z.zoneId() + "-" + endpoint.domain());
            m.put("ZoneStatus", zoneStatus.get());
            m.put("RegionId", endpoint.regionId());
            zones.add(m);
        }
        return page(p, zones, "Zones");
    }

    synchronized Map<String, Object> listVpcEndpointSecurityGroups(Map<String, String> p) {
        SimulatedEndpoint endpoint = existing(p, false);
        Instant now = clock.instant();
        List<Map<String, Object>> groups = new ArrayList<>();
        for (String id : endpoint.securityGroupIds()) {
            Instant until = endpoint.groupChanges().get(id);
            groups.add(Map.of("SecurityGroupId", id, "SecurityGroupStatus",
                    until != null && now.isBefore(until) ? "Attaching" : "Attached"));
        }
        endpoint.groupChanges().forEach((id, until) -> {
            if (!endpoint.securityGroupIds().contains(id) && now.isBefore(until)) {
                groups.add(Map.of("SecurityGroupId", id, "SecurityGroupStatus", "Detaching"));
            }
        });
        return page(p, groups, "SecurityGroups");
    }

    /** The endpoint a request names by RegionId and EndpointId; a poll counts toward a polls-based lifecycle. */
    SimulatedEndpoint existing(Map<String, String> p, boolean poll) {
        String regionId = required(p, "RegionId");
        String endpointId = required(p, "EndpointId");
        Instant now = clock.instant();
        return (poll ? state.poll(endpointId, now) : state.existing(endpointId, now))
                .filter(e -> e.regionId().equals(regionId))
                .orElseThrow(() -> SeedErrors.of("EndpointNotFound"));
    }

    private static Map<String, Object> page(Map<String, String> p, List<Map<String, Object>> items, String name) {
        int maxResults = maxResults(p, 50, 1000);
        int start = p.get("NextToken") == null || p.get("NextToken").isEmpty() ? 0 : parseToken(p.get("NextToken"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MaxResults", maxResults);
        body.put("NextToken", start + maxResults < items.size() ? String.valueOf(start + maxResults) : "");
        body.put(name, items.subList(Math.min(start, items.size()), Math.min(items.size(), start + maxResults)));
        return body;
    }

    private static int parseToken(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw SeedErrors.of("InvalidParameter", "NextToken", "");
        }
    }

    private static int pageStart(Map<String, String> p, List<String> ids) {
        String token = p.get("NextToken");
        if (token == null || token.isEmpty()) {
            return 0;
        }
        int index = ids.indexOf(token);
        if (index < 0) {
            throw SeedErrors.of("InvalidParameter", "NextToken", "");
        }
        return index;
    }

    private static int maxResults(Map<String, String> p, int fallback, int max) {
        String text = p.get("MaxResults");
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw SeedErrors.of("InvalidParameter", "MaxResults", ": 1 to " + max);
    }

    private static boolean eq(Map<String, String> p, String name, String value) {
        return p.get(name) == null || p.get(name).equals(value);
    }

    private Map<String, Object> createResponse(SimulatedEndpoint endpoint) {
        Map<String, Object> body = endpoint.attributes(state.status(endpoint, clock.instant()).orElse("Deleting"));
        body.remove("EndpointType");
        body.remove("RegionId");
        body.remove("ResourceGroupId");
        body.remove("PolicyDocument");
        body.remove("ProtectedEnabled");
        return body;
    }

    static List<String> indexed(Map<String, String> p, String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 1; p.containsKey(prefix + i); i++) {
            values.add(p.get(prefix + i));
        }
        return values;
    }

    private static List<Map<String, String>> indexedObjects(Map<String, String> p, String prefix) {
        List<Map<String, String>> objects = new ArrayList<>();
        for (int i = 1;; i++) {
            String itemPrefix = prefix + i + ".";
            Map<String, String> item = new TreeMap<>();
            p.forEach((k, v) -> {
                if (k.startsWith(itemPrefix)) {
                    item.put(k.substring(itemPrefix.length()), v);
                }
            });
            if (item.isEmpty()) {
                return objects;
            }
            objects.add(item);
        }
    }

    static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) {
            throw SeedErrors.missing(name);
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

    String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 20; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }

    /** An IPv4 CIDR block; like a VPC, it keeps its first address and its last three for itself. */
    record Cidr(long base, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/");
            return new Cidr(toLong(parts[0]), Integer.parseInt(parts[1]));
        }

        long size() {
            return 1L << (32 - prefix);
        }

        int usableHosts() {
            return (int) Math.max(0, size() - 4);
        }

        boolean contains(String ip) {
            long a = toLong(ip);
            return a >= base && a < base + size();
        }

        boolean isUsable(String ip) {
            long offset = toLong(ip) - base;
            return offset >= 1 && offset < size() - 3;
        }

        String firstFree(Set<String> taken) {
            for (long offset = 1; offset < size() - 3; offset++) {
                String candidate = toText(base + offset);
                if (!taken.contains(candidate)) {
                    return candidate;
                }
            }
            throw SeedErrors.of("ResourceNotEnough.VSwitchIp");
        }

        private static long toLong(String ip) {
            long value = 0;
            for (String part : ip.split("\\.")) {
                value = value * 256 + Integer.parseInt(part);
            }
            return value;
        }

        private static String toText(long value) {
            return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
        }
    }
}
