package io.privatelink.simulator;

import java.util.Set;

/** An IPv4 CIDR block; like a VPC, it keeps its first address and its last three for itself. */
record Cidr(long base, int prefix) {

    static Cidr parse(String text) {
        String[] parts = text.split("/");
        return new Cidr(toLong(parts[0]), Integer.parseInt(parts[1]));
    }

    long size() {
        return 1L << (32 - prefix);
    }

    int usableHosts() {
        return (int) Math.max(0, size() - 4);
    }

    boolean contains(String ip) {
        long a = toLong(ip);
        return a >= base && a < base + size();
    }

    boolean isUsable(String ip) {
        long offset = toLong(ip) - base;
        return offset >= 1 && offset < size() - 3;
    }

    String firstFree(Set<String> taken) {
        for (long offset = 1; offset < size() - 3; offset++) {
            String candidate = toText(base + offset);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        throw SeedErrors.of("ResourceNotEnough.VSwitchIp");
    }

    private static long toLong(String ip) {
        long value = 0;
        for (String part : ip.split("\\.")) {
            value = value * 256 + Integer.parseInt(part);
        }
        return value;
    }

    private static String toText(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }
}
