package io.privatelink.provisioner.callbacks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import io.privatelink.provisioner.config.CallbacksConfig;

/**
 * Which URLs the service will POST to, against server-side request forgery: a host the operator named, https unless
 * the host is named for http, and every address it resolves to a public one unless the host is named for private
 * addresses. Pure: the resolution is the caller's, so the same rules hold at acceptance and before each attempt.
 */
final class TargetRules {

    /** A URL refused, and why (naming its host at most, never its query). */
    static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private final List<String> allowed;
    private final List<String> http;
    private final List<String> privateHosts;

    TargetRules(CallbacksConfig config) {
        this(config.allowedHosts().orElse(List.of()), config.httpHosts().orElse(List.of()),
                config.privateHosts().orElse(List.of()));
    }

    TargetRules(List<String> allowed, List<String> http, List<String> privateHosts) {
        this.allowed = lower(allowed);
        this.http = lower(http);
        this.privateHosts = lower(privateHosts);
    }

    /** The URL's form and host, before its name is resolved. */
    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Refused("it must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("it carries user information");
        }
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || host.isEmpty()) {
            throw new Refused("it names no host");
        }
        if (!matches(allowed, host)) {
            throw new Refused("its host " + host + " is not one this service calls (privatelink.callbacks.allowed-hosts)");
        }
        if (scheme.equals("http") && !matches(http, host)) {
            throw new Refused("its host " + host + " takes https only");
        }
        return uri;
    }

    /** The first of the host's addresses, once all of them pass: one private address refuses the host. */
    InetAddress pick(String host, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            throw new Refused("its host " + host + " has no address");
        }
        if (!matches(privateHosts, host.toLowerCase(Locale.ROOT))) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new Refused("its host " + host + " resolves to a loopback, link-local, private or "
                            + "metadata address");
                }
            }
        }
        return addresses.stream().filter(a -> a instanceof Inet4Address).findFirst().orElse(addresses.get(0));
    }

    /**
     * Not loopback, link-local (169.254.169.254 among them), private, unique-local, shared (100.64.0.0/10, where
     * Alibaba's metadata service 100.100.100.200 lives), unspecified, multicast or reserved.
     */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first != 0 && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 198 && (second == 18 || second == 19)) && first < 240
                    && !(first == 192 && second == 0 && (b[2] & 0xFF) == 0);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            // fc00::/7 unique local; the IPv4-compatible and mapped forms are judged by their IPv4 address.
            if ((first & 0xFE) == 0xFC) {
                return false;
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix && (b[10] == 0 || b[10] == (byte) 0xFF) && b[10] == b[11]) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (java.net.UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matches(List<String> patterns, String host) {
        for (String pattern : patterns) {
            if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : pattern.equals(host)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lower(List<String> hosts) {
        return hosts.stream().map(String::trim).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT))
                .toList();
    }
}
