package io.privatelink.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class IndependentSignerTest {

    @Test
    void agreesWithTheDocumentedExample() {
        Map<String, String> params = Map.of(
                "AccessKeyId", "testid", "Action", "DescribeRegions", "Format", "XML",
                "SignatureMethod", "HMAC-SHA1", "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "SignatureVersion", "1.0", "Timestamp", "2016-02-23T12:46:24Z", "Version", "2014-05-26");
        assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", IndependentSigner.signature("GET", params, "testsecret"));
    }

    @Test
    void agreesWithTheSdksSignerOnFlattenedNamesAndUnicode() {
        Map<String, String> params = Map.of("Action", "CreateVpcEndpoint", "Zone.1.VSwitchId", "vsw-1",
                "Zone.1.ZoneId", "cn-hangzhou-h", "Zone.1.ip", "10.0.0.1", "EndpointName", "終端 節點*~",
                "Tag.1.Value", "a+b/c");
        assertEquals(SignatureV1.sign(SignatureV1.stringToSign("POST", params), "s3cret"),
                IndependentSigner.signature("POST", params, "s3cret"));
    }
}
