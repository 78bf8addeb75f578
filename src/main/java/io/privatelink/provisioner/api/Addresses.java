package io.privatelink.provisioner.api;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address forms the API accepts. */
public final class Addresses {

    /** A dotted-quad IPv4 address, each part 0-255 without leading zeros. */
    public static final String IPV4 =
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";

    private Addresses() {
    }

    /** An IPv6 literal (no zone index). Only hex digits, colons and dots reach the parser, so it never looks up DNS. */
    public static boolean isIpv6(String text) {
        if (text == null || text.isEmpty() || text.indexOf(':') < 0 || !text.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
