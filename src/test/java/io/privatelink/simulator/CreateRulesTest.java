package io.privatelink.simulator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rules of a request's own form, without HTTP: each broken one is the seed page's code. */
class CreateRulesTest {

    static String broken(String endpointType, String ipVersion, List<Map<String, String>> zones, List<String> groups) {
        return assertThrows(SimulatorException.class, () -> CreateRules.form(Map.of(), endpointType, ipVersion,
                "DualStack".equals(ipVersion), zones, groups)).code();
    }

    @Test
    void eachFormRuleAnswersItsOwnCode() {
        assertEquals("IllegalParam.EndpointType", broken("Gateway", "IPv4", List.of(), List.of()));
        assertEquals("IllegalParam.AddressIpVersion", broken("Interface", "IPv6", List.of(), List.of()));
        assertEquals("IllegalParam.Ip", broken("Interface", "IPv4", List.of(Map.of("ZoneId", "z", "ip", "10.0.0")),
                List.of()));
        assertEquals("OperationDenied.AddressIpVersionNotSupportSpecifyIpv6", broken("Interface", "IPv4",
                List.of(Map.of("ZoneId", "z", "Ipv6Address", "2408:4000::10")), List.of()));
        assertEquals("EndpointZoneDuplicated", broken("Interface", "IPv4",
                List.of(Map.of("ZoneId", "z"), Map.of("ZoneId", "z")), List.of()));
        assertEquals("OperationDenied.EndpointTypeNotSupportDualstack", broken("Reverse", "DualStack", List.of(),
                List.of()));
        assertEquals("GatewayLoadBalancerNotSupportSecurityGroup", broken("GatewayLoadBalancer", "IPv4", List.of(),
                List.of("sg-1")));
    }

    @Test
    void aWellFormedRequestPasses() {
        assertDoesNotThrow(() -> CreateRules.form(Map.of(), "Interface", "DualStack", true,
                List.of(Map.of("ZoneId", "a", "Ipv6Address", "2408:4000::10"), Map.of("ZoneId", "b")),
                List.of("sg-1")));
    }
}
