package io.privatelink.provisioner.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

class TargetRulesTest {

    final TargetRules rules = new TargetRules(List.of("hooks.example.com", "*.ci.example.org", "localhost"),
            List.of("localhost"), List.of("localhost"));

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    String refusal(String url) {
        return assertThrows(TargetRules.Refused.class, () -> rules.check(url)).getMessage();
    }

    @Test
    void anHttpsUrlToAnAllowedHostPasses() {
        assertEquals("hooks.example.com", rules.check("https://hooks.example.com/jobs?token=t").getHost());
        assertEquals("build.ci.example.org", rules.check("https://build.ci.example.org/").getHost());
        assertEquals("localhost", rules.check("http://localhost:8081/callback").getHost());
    }

    @Test
    void aHostNotAllowedIsRefused() {
        assertTrue(refusal("https://evil.example.net/").contains("evil.example.net"));
        assertTrue(refusal("https://127.0.0.1:8080/").contains("127.0.0.1"));
        assertTrue(refusal("http://169.254.169.254/latest/meta-data/").contains("169.254.169.254"));
        assertTrue(refusal("https://ci.example.org/").contains("not one"), "a wildcard names subdomains only");
        assertTrue(refusal("https://hooks.example.com.evil.net/").contains("not one"));
    }

    @Test
    void plainHttpOnlyForTheHostsNamedForIt() {
        assertTrue(refusal("http://hooks.example.com/").contains("https only"));
        assertTrue(refusal("ftp://hooks.example.com/").contains("https"));
    }

    @Test
    void userInformationAndMissingHostsAreRefused() {
        assertTrue(refusal("https://user:pw@hooks.example.com/").contains("user information"));
        assertFalse(refusal("https://user:pw@hooks.example.com/").contains("pw"));
        assertTrue(refusal("https:///path").contains("no host"));
    }

    @Test
    void anAllowedHostThatResolvesToAPrivateAddressIsRefused() {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.100.100.200", "0.0.0.0", "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1"}) {
            assertThrows(TargetRules.Refused.class, () -> rules.pick("hooks.example.com", List.of(ip(address))),
                    address);
        }
        assertThrows(TargetRules.Refused.class,
                () -> rules.pick("hooks.example.com", List.of(ip("8.8.8.8"), ip("10.0.0.1"))),
                "one private address among public ones refuses the host");
    }

    @Test
    void aPublicAddressPassesAndIPv4GoesFirst() {
        assertEquals(ip("8.8.8.8"), rules.pick("hooks.example.com", List.of(ip("2001:4860:4860::8888"), ip("8.8.8.8"))));
    }

    @Test
    void aHostNamedForPrivateAddressesMayResolveToThem() {
        assertEquals(ip("127.0.0.1"), rules.pick("localhost", List.of(ip("127.0.0.1"))));
    }

    @Test
    void theEmbeddedDefaultsListsAllowLoopbackReceiversOverHttp() {
        TargetRules local = new TargetRules(List.of("localhost", "127.0.0.1"), List.of("localhost", "127.0.0.1"),
                List.of("localhost", "127.0.0.1"));
        assertEquals("127.0.0.1", local.check("http://127.0.0.1:9000/hook").getHost());
        assertEquals(ip("127.0.0.1"), local.pick("127.0.0.1", List.of(ip("127.0.0.1"))));
    }

    @Test
    void withNoHostAllowedNoUrlPasses() {
        TargetRules none = new TargetRules(List.of(), List.of(), List.of());
        assertThrows(TargetRules.Refused.class, () -> none.check("https://hooks.example.com/"));
    }
}
