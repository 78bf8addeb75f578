package io.privatelink.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AliyunPrivateLinkClientTest {

    @Test
    void aCloudMessageQuotingTheStringToSignLosesTheSecurityTokenAndKeepsTheRest() {
        String quoted = "server string to sign is:POST&%2F&AccessKeyId%3DSTS.abc%26SecurityToken%3DsEcReT%252Bx%26"
                + "Version%3D2020-04-15";
        assertEquals("server string to sign is:POST&%2F&AccessKeyId%3DSTS.abc%26SecurityToken%3D***%26"
                + "Version%3D2020-04-15", AliyunPrivateLinkClient.withoutToken(quoted));
        assertEquals("a=1&SecurityToken=***&b=2", AliyunPrivateLinkClient.withoutToken("a=1&SecurityToken=sEcReT&b=2"));
        assertEquals("no token here", AliyunPrivateLinkClient.withoutToken("no token here"));
    }
}
