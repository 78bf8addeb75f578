package io.privatelink.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SignatureV1Test {

    @Test
    void signsTheDocumentedExample() {
        Map<String, String> params = Map.of(
                "AccessKeyId", "testid",
                "Action", "DescribeRegions",
                "Format", "XML",
                "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "SignatureVersion", "1.0",
                "Timestamp", "2016-02-23T12:46:24Z",
                "Version", "2014-05-26");
        String stringToSign = SignatureV1.stringToSign("GET", params);
        assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", SignatureV1.sign(stringToSign, "testsecret"));
    }

    @Test
    void leavesTheSignatureItselfOutOfTheStringToSign() {
        Map<String, String> params = Map.of("Action", "GetVpcEndpointAttribute", "Signature", "whatever");
        assertEquals(SignatureV1.stringToSign("POST", Map.of("Action", "GetVpcEndpointAttribute")),
                SignatureV1.stringToSign("POST", params));
    }
}
