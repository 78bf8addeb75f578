package io.privatelink.provisioner.cloud;

import java.util.Map;

/** An endpoint's zones and security groups as the List actions answer them, read into an observation's parts. */
final class ListedParts {

    private ListedParts() {
    }

    static Observation.ZoneState zone(Map<String, Object> z) {
        return new Observation.ZoneState(text(z, "ZoneId"), text(z, "VSwitchId"), text(z, "EniIp"),
                text(z, "ZoneIpv6Address"), text(z, "ZoneStatus"));
    }

    static Observation.GroupState group(Map<String, Object> g) {
        return new Observation.GroupState(text(g, "SecurityGroupId"), text(g, "SecurityGroupStatus"));
    }

    /** The API answers an absent value as "" as often as it leaves it out. */
    private static String text(Map<String, Object> m, String name) {
        Object value = m.get(name);
        return value == null || "".equals(value) ? null : value.toString();
    }
}
