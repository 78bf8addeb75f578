package io.privatelink.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.privatelink.simulator.SimulatedEndpoint.Zone;
import io.privatelink.simulator.SimulatorSeed.VSwitch;

/** The endpoints' network interfaces: an address in each zone's vSwitch, none given twice. */
final class EniAddresses {

    private final SimulatorState state;
    private final ResourceIds ids;

    EniAddresses(SimulatorState state, ResourceIds ids) {
        this.state = state;
        this.ids = ids;
    }

    /** An ENI address per zone: the one asked for (inside the vSwitch and free), or the next free one. */
    List<Zone> allocate(List<Map<String, String>> zoneParams, List<VSwitch> vSwitches, boolean dualStack,
            Instant now) {
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < zoneParams.size(); i++) {
            Map<String, String> z = zoneParams.get(i);
            VSwitch vSwitch = vSwitches.get(i);
            Set<String> taken = state.existing(now).stream().flatMap(e -> e.zones().stream())
                    .filter(t -> t.removedAt() == null)
                    .filter(t -> t.vSwitchId().equals(vSwitch.vSwitchId())).map(Zone::ip).collect(Collectors.toSet());
            Cidr cidr = Cidr.parse(vSwitch.cidrBlock());
            int capacity = vSwitch.freeIpCount() != null ? vSwitch.freeIpCount() + taken.size() : cidr.usableHosts();
            if (taken.size() >= capacity) {
                throw SeedErrors.of("ResourceNotEnough.VSwitchIp");
            }
            String ip = z.get("ip");
            if (ip != null && (!cidr.contains(ip) || taken.contains(ip) || !cidr.isUsable(ip))) {
                throw SeedErrors.of("EniIpUnavailable");
            }
            if (ip == null) {
                ip = cidr.firstFree(taken);
            }
            String ipv6 = null;
            if (dualStack) {
                ipv6 = z.get("Ipv6Address") != null ? z.get("Ipv6Address")
                        : vSwitch.ipv6CidrBlock().replaceAll("::/\\d+$", "::") + Integer.toHexString(taken.size() + 16);
            }
            zones.add(new Zone(z.get("ZoneId"), vSwitch.vSwitchId(), ids.next("eni-"), ip, ipv6));
        }
        return zones;
    }
}
