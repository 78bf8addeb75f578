package io.privatelink.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.privatelink.simulator.SimulatorSeed.SecurityGroup;
import io.privatelink.simulator.SimulatorSeed.Service;
import io.privatelink.simulator.SimulatorSeed.VSwitch;
import io.privatelink.simulator.SimulatorSeed.Vpc;

/**
 * The rules an endpoint must meet against the seeded resources and the endpoints there are (moto's models layer):
 * each throws the seed page's code of the first rule broken. CreateVpcEndpoint meets them all; adding a zone or a
 * security group meets its own.
 */
final class CreateRules {

    private final SimulatorSeed seed;
    private final ServiceDirectory directory;
    private final SimulatorState state;

    CreateRules(SimulatorSeed seed, SimulatorState state, ServiceDirectory directory) {
        this.seed = seed;
        this.directory = directory;
        this.state = state;
    }

    /** The parameters' own form: enumerations, addresses, and the rules between them. */
    static void form(Map<String, String> p, String endpointType, String ipVersion, boolean dualStack,
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

    /** The service the request names, if this account may reach it with such an endpoint. */
    Service service(Map<String, String> p, String regionId, String vpcId, String endpointType,
            boolean dualStack, Instant now) {
        String serviceId = p.get("ServiceId");
        String serviceName = p.get("ServiceName");
        if (serviceId == null && serviceName == null) {
            throw SeedErrors.of("MissingServiceId");
        }
        Predicate<Service> named = s -> s.regionId().equals(regionId)
                && (serviceId == null || s.serviceId().equals(serviceId))
                && (serviceName == null || s.serviceName().equals(serviceName));
        Service service = directory.ownedBy(seed.accountId()).stream().map(ServiceDirectory.Owned::service)
                .filter(named).findFirst()
                .or(() -> directory.foreign(seed.accountId()).stream().map(ServiceDirectory.Owned::service)
                        .filter(named).findFirst().map(this::listing))
                .orElseThrow(() -> SeedErrors.of("EndpointServiceNotFound"));
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
        fits(service, p, vpcId, endpointType, dualStack, now);
        return service;
    }

    /** The service takes an endpoint of this type, policy, IP version, and (for some) one endpoint per VPC. */
    private void fits(Service service, Map<String, String> p, String vpcId, String endpointType, boolean dualStack,
            Instant now) {
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
    }

    /** The zones' vSwitches, in the VPC and among the service's zones, within the quotas. */
    List<VSwitch> zones(List<Map<String, String>> zones, Vpc vpc, Service service, String endpointType,
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

    /** Security groups of the VPC, of one supported type; an Interface endpoint needs one. */
    void securityGroups(List<String> groupIds, String vpcId, String endpointType) {
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

    /** Another account's service, which only the accounts it lists may connect to. */
    private Service listing(Service foreign) {
        List<String> allowed = foreign.authorizedAccounts();
        if (allowed == null || !allowed.contains(seed.accountId()) && !allowed.contains("*")) {
            throw SeedErrors.of("EndpointServiceNotAuthorized");
        }
        return foreign;
    }

    /** The service an endpoint of this account connects to, its own or another account's. */
    Service serviceOf(String serviceId) {
        return directory.byId(serviceId).map(ServiceDirectory.Owned::service)
                .orElseThrow(() -> SeedErrors.of("EndpointServiceNotFound"));
    }

    /** The VPC's and the account's endpoint quotas. */
    void quotas(String vpcId, Instant now) {
        long inVpc = state.countExisting(now, e -> e.vpcId().equals(vpcId));
        if (inVpc >= seed.quotas().totalEpPerVpc()) {
            throw SeedErrors.of("QuotaExceeded.totalEpPerVpc", "totalEpPerVpc", inVpc, seed.quotas().totalEpPerVpc());
        }
        long idle = state.countExisting(now,
                e -> !"Connected".equals(e.connectionStatus(state.status(e, now).orElse("Creating"), now)));
        if (idle >= seed.quotas().totalIdleEndpoint()) {
            throw SeedErrors.of("QuotaExceeded.totalIdleEndpoint", "totalIdleEndpoint", idle,
                    seed.quotas().totalIdleEndpoint());
        }
    }
}
