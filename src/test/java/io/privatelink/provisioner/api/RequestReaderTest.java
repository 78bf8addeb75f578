package io.privatelink.provisioner.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestReaderTest {

    static CreateVpcEndpointRequest read(String json) {
        return RequestReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJsonNullIsAnAbsentParameter() {
        CreateVpcEndpointRequest r = read("{\"RegionId\": \"cn-hangzhou\", \"Tag\": null, \"ZonePrivateIpAddressCount\": null}");
        assertEquals("cn-hangzhou", r.regionId());
        assertNull(r.tag());
        assertNull(r.zonePrivateIpAddressCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"ZonePrivateIpAddressCount\": \"\"}", "{\"Tag\": \"\"}", "{\"CrossRegionBandwidth\": \" \"}",
            "{\"VpcId\": 12.5}", "{\"VpcId\": true}", "{\"DryRun\": \"true\"}", "{\"Zone\": {}}", "{\"Unknown\": 1}",
            "[]", "null", "{} {}", "{\"RegionId\": \"a\"", "{\"ZonePrivateIpAddressCount\": 1.0}"})
    void whatIsNotAnObjectOfTheParametersTypesIsInvalidParameter(String json) {
        assertEquals(ApiErrors.INVALID_PARAMETER, assertThrows(ApiException.class, () -> read(json)).code());
    }

    @Test
    void theMessageNamesTheParameterAndTheTypeButNotTheValue() {
        ApiException e = assertThrows(ApiException.class, () -> read("{\"VpcId\": {\"secret\": \"a\\u0000b\"}}"));
        assertEquals("The parameter VpcId has the wrong type: it takes a string.", e.getMessage());
    }
}
