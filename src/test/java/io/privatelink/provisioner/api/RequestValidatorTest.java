package io.privatelink.provisioner.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules in their order, on requests read as the edge reads them; the wire tests cover them over HTTP. */
class RequestValidatorTest {

    static final RequestValidator VALIDATOR = new RequestValidator();
    static final String BASE = "\"RegionId\": \"cn-hangzhou\", \"VpcId\": \"vpc-1\", \"ServiceId\": \"epsrv-1\"";

    static String code(String fields) {
        String json = "{" + BASE + (fields.isEmpty() ? "" : ", " + fields) + "}";
        CreateVpcEndpointRequest request = RequestReader.read(json.getBytes(StandardCharsets.UTF_8));
        return assertThrows(ApiException.class, () -> VALIDATOR.validate(request)).code();
    }

    @Test
    void aValidRequestPasses() {
        VALIDATOR.validate(RequestReader.read(("{" + BASE + ", \"Zone\": [{\"VSwitchId\": \"vsw-1\", \"ZoneId\": "
                + "\"cn-hangzhou-h\", \"ip\": \"10.0.0.1\"}], \"Tag\": [{\"Key\": \"k\", \"Value\": \"\"}]}")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"VpcId\": \"vpc\\u0000\"|IllegalParam.VpcId",
            "\"ServiceName\": \"com..x y\"|IllegalParam.ServiceName",
            "\"EndpointDescription\": \"a\\u0001b\"|IllegalParam.EndpointDescription",
            "\"Tag\": [{\"Key\": \" \"}]|IllegalParam.Tag",
            "\"ClientToken\": \"   \"|IllegalParam.ClientToken",
            "\"Zone\": [{\"VSwitchId\": \"v\", \"ZoneId\": \"z\"}, {\"VSwitchId\": \"w\", \"ZoneId\": \"z\"}]|EndpointZoneDuplicated",
            "\"Zone\": [{\"VSwitchId\": \"v\", \"ZoneId\": \"z\", \"Ipv6Address\": \"2408::1\"}]|OperationDenied.AddressIpVersionNotSupportSpecifyIpv6",
            "\"EndpointType\": \"GatewayLoadBalancer\", \"SecurityGroupId\": [\"sg-1\"]|GatewayLoadBalancerNotSupportSecurityGroup",
            "\"SecurityGroupId\": [\"sg-1\", \"sg-1\"]|IllegalParam.SecurityGroupId",
            "\"PolicyDocument\": \"{}\"|IllegalParam.PolicyDocument"})
    void eachBrokenRuleAnswersItsCode(String fields, String expected) {
        assertEquals(expected, code(fields));
    }

    @Test
    void requiredParametersComeFirst() {
        CreateVpcEndpointRequest noRegion = RequestReader.read("{\"VpcId\": \"\\u0000\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("MissingRegionId", assertThrows(ApiException.class, () -> VALIDATOR.validate(noRegion)).code());
    }
}
