package io.privatelink.simulator;

/**
 * The address forms the simulated API accepts, checked here on the simulator's own terms: written apart from the
 * service's checks, so that a mistake in one is caught by the other.
 */
final class AddressForms {

    private AddressForms() {
    }

    /** Four decimal parts of 0 to 255, without leading zeros. */
    static boolean isIpv4(String text) {
        if (text == null) {
            return false;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Up to eight groups of 1 to 4 hex digits, one "::" at most for the zeros left out, an IPv4 tail allowed. */
    static boolean isIpv6(String text) {
        if (text == null || text.isEmpty() || text.indexOf(':') < 0) {
            return false;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] groups = text.split(":", -1);
        int counted = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = i == groups.length - 1;
            if (group.isEmpty()) {
                continue;
            }
            if (last && group.indexOf('.') >= 0) {
                if (!isIpv4(group)) {
                    return false;
                }
                counted += 2;
            } else if (group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            } else {
                counted++;
            }
        }
        boolean emptyEdge = (text.startsWith(":") && !text.startsWith("::")) || (text.endsWith(":") && !text.endsWith("::"));
        return !emptyEdge && (gap >= 0 ? counted < 8 : counted == 8);
    }
}
