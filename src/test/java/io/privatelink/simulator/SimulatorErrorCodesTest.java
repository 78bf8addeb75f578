package io.privatelink.simulator;

import static io.privatelink.simulator.SimulatorHarness.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error code of the seed page, each from the request and seed state that produce it (the scenarios table of
 * the README), through the real SDK. Codes whose condition the simulator cannot model are forced per code.
 */
class SimulatorErrorCodesTest {

    static SimulatorHarness sim;

    /** A code and the CreateVpcEndpoint that meets its condition. */
    record Scenario(String code, Map<String, String> request) {
        @Override
        public String toString() {
            return code;
        }
    }

    /** Codes no request can reach in the simulator: they are forced for the next call instead. */
    static final Set<String> FORCED_ONLY = Set.of("EndpointExist", "VpcTunnelNotFound", "GenerateResourceIdFailed",
            "QuotaMisMatched", "CheckServiceLinkRoleError", "DependencyViolation.PrivateDnsName");

    /** Codes that depend on endpoints already created: each has its own test below. */
    static final Set<String> STATE_DRIVEN = Set.of("EndpointDuplicated", "QuotaExceeded.IpQuotaPerEp",
            "QuotaExceeded.epZonePerEndpoint", "QuotaExceeded.totalEpPerVpc", "QuotaExceeded.totalIdleEndpoint");

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("EndpointZoneDuplicated", create("Zone.2.VSwitchId", "vsw-demo01h", "Zone.2.ZoneId", "cn-hangzhou-h")),
                new Scenario("EndpointServiceNotFound", create("ServiceId", "epsrv-missing")),
                new Scenario("EndpointServiceNotSupportedZone", create("ServiceId", "epsrv-manual01",
                        "Zone.1.VSwitchId", "vsw-full01", "Zone.1.ZoneId", "cn-hangzhou-k")),
                new Scenario("VSwitchNotFound", create("Zone.1.VSwitchId", "vsw-missing")),
                new Scenario("SecurityGroupNotFound", create("SecurityGroupId.1", "sg-missing")),
                new Scenario("VpcNotFound", create("VpcId", "vpc-missing")),
                new Scenario("EndpointMustContainSecurityGroup", create("SecurityGroupId.1", "<none>")),
                new Scenario("EndpointServiceDeleted", create("ServiceId", "epsrv-deleted01")),
                new Scenario("EndpointServiceResourceNotFound", create("ServiceId", "epsrv-noresource01")),
                new Scenario("SecurityGroupTypeNotSupport", create("SecurityGroupId.1", "sg-managed01")),
                new Scenario("EniIpUnavailable", create("Zone.1.ip", "10.9.9.9")),
                new Scenario("EndpointServiceNotAuthorized", create("ServiceId", "epsrv-private01")),
                new Scenario("SecurityGroupTypeOnlySingleTypeSupporteded", create("SecurityGroupId.2", "sg-enterprise01")),
                new Scenario("Mismatch.EndpointType", create("EndpointType", "GatewayLoadBalancer", "SecurityGroupId.1", "<none>")),
                new Scenario("IncorrectStatus.VpcEndpointService", create("ServiceId", "epsrv-pending01")),
                new Scenario("ResourceNotEnough.VSwitchIp", create("Zone.1.VSwitchId", "vsw-full01", "Zone.1.ZoneId", "cn-hangzhou-k")),
                new Scenario("VSwitchStatusNotAllowed", create("Zone.1.VSwitchId", "vsw-demo01j", "Zone.1.ZoneId", "cn-hangzhou-j")),
                new Scenario("OperationDenied.EndpointPolicyNotSupport", create("ServiceId", "epsrv-nopolicy01",
                        "PolicyDocument", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\"}]}")),
                new Scenario("OperationDenied.PrivateDomainStatusNotSupport", create("ServiceId", "epsrv-dnsverifying01")),
                new Scenario("OperationDenied.PrivateDomainNotSupport", create("ServiceId", "epsrv-dnsunsupported01")),
                new Scenario("GatewayLoadBalancerNotSupportSecurityGroup", create("EndpointType", "GatewayLoadBalancer")),
                new Scenario("GatewayLoadBalancerZoneCountDeny", create("ServiceId", "epsrv-gwlb01",
                        "EndpointType", "GatewayLoadBalancer", "SecurityGroupId.1", "<none>",
                        "Zone.2.VSwitchId", "vsw-demo01i", "Zone.2.ZoneId", "cn-hangzhou-i")),
                new Scenario("OperationDenied.EndpointTypeNotSupportDualstack", create("EndpointType", "Reverse",
                        "AddressIpVersion", "DualStack")),
                new Scenario("OperationDenied.EndpointServiceNotSupportDualstack", create("AddressIpVersion", "DualStack")),
                new Scenario("OperationDenied.VSwitchNotSupportDualstack", create("VpcId", "vpc-dual01",
                        "ServiceId", "epsrv-dual01", "AddressIpVersion", "DualStack", "SecurityGroupId.1", "sg-dual01",
                        "Zone.1.VSwitchId", "vsw-dual01i", "Zone.1.ZoneId", "cn-hangzhou-i")),
                new Scenario("OperationDenied.AddressIpVersionNotSupportSpecifyIpv6", create("Zone.1.Ipv6Address", "2408:4005::1")),
                new Scenario("IllegalParam.Ip", create("Zone.1.ip", "10.0.0.300")),
                new Scenario("IllegalParam.Ipv6Address", create("AddressIpVersion", "DualStack", "Zone.1.Ipv6Address", "2408::zz")),
                new Scenario("IllegalParam.AddressIpVersion", create("AddressIpVersion", "IPv6")),
                new Scenario("SpecifiedAlbNotSupport", create("ServiceId", "epsrv-oldalb01")));
    }

    @BeforeAll
    static void start() {
        sim = new SimulatorHarness(s -> s);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachCodeHasAScenarioThatProducesIt(Scenario s) {
        assertEquals(s.code(), sim.code("CreateVpcEndpoint", s.request()));
    }

    @ParameterizedTest(name = "{0} through signature V3")
    @MethodSource("scenarios")
    void eachCodeComesBackThroughSignatureV3Too(Scenario s) throws Exception {
        String host = "127.0.0.1:" + sim.simulator.port();
        assertEquals(s.code(), SimulatorSignatureV3Test.code(IndependentSignerV3.send(sim.simulator.port(),
                IndependentSignerV3.rpc(host, "CreateVpcEndpoint", PrivateLinkSimulator.VERSION, s.request(),
                        SimulatorHarness.AK, SimulatorHarness.SECRET, null))));
    }

    @Test
    void quotaCodesCountRealState() throws Exception {
        try (SimulatorHarness small = new SimulatorHarness(s -> s.withSeed(
                java.nio.file.Path.of("src/test/resources/simulator/realistic-seed.json")))) {
            small.call("CreateVpcEndpoint", create());
            small.call("CreateVpcEndpoint", create("Zone.1.VSwitchId", "vsw-demo01i", "Zone.1.ZoneId", "cn-hangzhou-i"));
            assertEquals("QuotaExceeded.totalEpPerVpc", small.code("CreateVpcEndpoint", create()));
            assertEquals("QuotaExceeded.epZonePerEndpoint", small.code("CreateVpcEndpoint", create("VpcId", "vpc-demo02",
                    "SecurityGroupId.1", "sg-demo02", "Zone.1.VSwitchId", "vsw-demo02h",
                    "Zone.2.VSwitchId", "vsw-demo02i", "Zone.2.ZoneId", "cn-hangzhou-i",
                    "Zone.3.VSwitchId", "vsw-demo02j", "Zone.3.ZoneId", "cn-hangzhou-j")));
            assertEquals("QuotaExceeded.IpQuotaPerEp", small.code("CreateVpcEndpoint", create("VpcId", "vpc-demo02",
                    "SecurityGroupId.1", "sg-demo02", "Zone.1.VSwitchId", "vsw-demo02h",
                    "Zone.2.VSwitchId", "vsw-demo02i", "Zone.2.ZoneId", "cn-hangzhou-i")));
            assertEquals("QuotaExceeded.totalIdleEndpoint", small.code("CreateVpcEndpoint", create("VpcId", "vpc-demo02",
                    "ServiceId", "epsrv-manual01", "SecurityGroupId.1", "sg-demo02", "Zone.1.VSwitchId", "vsw-demo02h")));
        }
    }

    @Test
    void aServiceThatTakesOneEndpointPerVpcRefusesTheSecond() {
        assertEquals("Success", sim.code("CreateVpcEndpoint", create("ServiceId", "epsrv-single01")));
        assertEquals("EndpointDuplicated", sim.code("CreateVpcEndpoint", create("ServiceId", "epsrv-single01")));
    }

    @Test
    void codesNoRequestCanReachAreForcedPerCode() {
        for (String code : FORCED_ONLY) {
            sim.admin("PUT", "/_simulator/faults",
                    "{\"Forced\": [{\"Action\": \"CreateVpcEndpoint\", \"Code\": \"" + code + "\", \"Count\": 1}]}");
            assertEquals(code, sim.code("CreateVpcEndpoint", create()));
            assertEquals("Success", sim.code("CreateVpcEndpoint", create()), "forced for one call only");
        }
        sim.admin("PUT", "/_simulator/faults", "{}");
    }

    @Test
    void theScenariosCoverEveryCodeOfTheSeedPage() {
        Set<String> covered = Stream.of(scenarios().map(Scenario::code), FORCED_ONLY.stream(), STATE_DRIVEN.stream())
                .flatMap(codes -> codes)
                .collect(Collectors.toSet());
        List<String> missing = SeedErrors.CREATE_VPC_ENDPOINT.keySet().stream().filter(c -> !covered.contains(c)).toList();
        assertTrue(missing.isEmpty(), "codes without a scenario: " + missing);
        assertEquals(41, SeedErrors.CREATE_VPC_ENDPOINT.size(), "the seed page lists 41 codes");
    }
}
