package io.privatelink.provisioner.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FlatParametersTest {

    static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return form;
    }

    @Test
    void theFlattenedFormBecomesTheJsonBodyWithItsTypes() {
        assertEquals("{\"RegionId\":\"cn-hangzhou\",\"DryRun\":true,\"CrossRegionBandwidth\":200,"
                + "\"SecurityGroupId\":[\"sg-1\",\"sg-2\"],\"Zone\":[{\"VSwitchId\":\"vsw-1\",\"ZoneId\":\"z-1\"}]}",
                FlatParameters.toJson(form("RegionId", "cn-hangzhou", "DryRun", "true", "CrossRegionBandwidth", "200",
                        "SecurityGroupId.2", "sg-2", "SecurityGroupId.1", "sg-1", "Zone.1.VSwitchId", "vsw-1",
                        "Zone.1.ZoneId", "z-1")).toString());
    }

    @Test
    void aValueThatIsNotItsTypeStaysTextForTheReaderToRefuse() {
        assertEquals("{\"DryRun\":\"yes\"}", FlatParameters.toJson(form("DryRun", "yes")).toString());
    }

    @Test
    void gapsBadIndexesAndNamesGivenTwiceAreRefused() {
        assertThrows(ApiException.class, () -> FlatParameters.toJson(form("SecurityGroupId.2", "sg")));
        assertThrows(ApiException.class, () -> FlatParameters.toJson(form("SecurityGroupId.0", "sg")));
        assertThrows(ApiException.class, () -> FlatParameters.toJson(form("SecurityGroupId.x", "sg")));
        assertThrows(ApiException.class, () -> FlatParameters.toJson(form("VpcId", "a", "VpcId", "b")));
        assertThrows(ApiException.class, () -> FlatParameters.toJson(form("Zone.1", "v", "Zone.1.ZoneId", "z")));
    }

    @Test
    void aHostileNameIsQuotedInTheMessageNotEchoed() {
        ApiException e = assertThrows(ApiException.class, () -> FlatParameters.toJson(form("Tag.\u0000" + "x".repeat(500), "v")));
        assertEquals(ApiErrors.INVALID_PARAMETER, e.code());
        assertEquals(false, e.getMessage().contains("\u0000"));
        assertEquals(true, e.getMessage().length() < 500, e.getMessage());
    }
}
