package io.privatelink.provisioner.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    static String of(String json) {
        return RequestFingerprint.of(RequestReader.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fieldOrderAndOmittedDefaultsDoNotChangeTheFingerprint() {
        String a = of("{\"RegionId\": \"r\", \"VpcId\": \"v\", \"ServiceId\": \"s\"}");
        String b = of("{\"ServiceId\": \"s\", \"EndpointType\": \"Interface\", \"VpcId\": \"v\", \"RegionId\": \"r\","
                + " \"ZonePrivateIpAddressCount\": 1, \"AddressIpVersion\": \"IPv4\"}");
        assertEquals(a, b);
        assertEquals(64, a.length());
    }

    @Test
    void anotherValueOrListOrderIsAnotherRequest() {
        String base = of("{\"RegionId\": \"r\", \"VpcId\": \"v\", \"SecurityGroupId\": [\"a\", \"b\"]}");
        assertNotEquals(base, of("{\"RegionId\": \"r\", \"VpcId\": \"w\", \"SecurityGroupId\": [\"a\", \"b\"]}"));
        assertNotEquals(base, of("{\"RegionId\": \"r\", \"VpcId\": \"v\", \"SecurityGroupId\": [\"b\", \"a\"]}"));
    }
}
