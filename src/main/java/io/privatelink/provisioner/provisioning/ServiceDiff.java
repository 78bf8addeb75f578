package io.privatelink.provisioner.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.privatelink.provisioner.api.ServiceResource;
import io.privatelink.provisioner.api.ServiceSpec;
import io.privatelink.provisioner.cloud.ServiceChange;
import io.privatelink.provisioner.cloud.ServiceObservation;

/**
 * The changes that take an endpoint service from what it is to what its owner wants, in the order they are made:
 * resources attached before others are detached (a service is never left without one on the way), allowed accounts
 * added before others are removed, then the attributes. An account is removed only when this service added it and is
 * no longer wanted ({@code released}): one listed elsewhere (the owner's own, which the cloud lists from the start) is
 * left alone. Pure.
 */
final class ServiceDiff {

    private ServiceDiff() {
    }

    static List<ServiceChange> plan(ServiceSpec desired, List<String> released, ServiceObservation seen) {
        List<ServiceChange> plan = new ArrayList<>();
        if (desired.resource() != null) {
            List<String> seenIds = seen.resources().stream().map(ServiceResource::resourceId).toList();
            List<String> wantedIds = desired.resource().stream().map(ServiceResource::resourceId).toList();
            desired.resource().stream().filter(r -> !seenIds.contains(r.resourceId()))
                    .forEach(r -> plan.add(new ServiceChange.AttachResource(r)));
            seen.resources().stream().filter(r -> !wantedIds.contains(r.resourceId()))
                    .forEach(r -> plan.add(new ServiceChange.DetachResource(r)));
        }
        List<String> wantedUsers = desired.user() == null ? List.of() : desired.user();
        wantedUsers.stream().filter(u -> !seen.users().contains(u)).forEach(u -> plan.add(new ServiceChange.AddUser(u)));
        released.stream().filter(u -> !wantedUsers.contains(u) && seen.users().contains(u))
                .forEach(u -> plan.add(new ServiceChange.RemoveUser(u)));
        Map<String, String> changed = new LinkedHashMap<>();
        differs(changed, "AutoAcceptEnabled", desired.autoAcceptEnabled(), seen);
        differs(changed, "ZoneAffinityEnabled", desired.zoneAffinityEnabled(), seen);
        differs(changed, "ServiceDescription", desired.serviceDescription(), seen);
        differs(changed, "ConnectBandwidth", desired.connectBandwidth(), seen);
        if (!changed.isEmpty()) {
            plan.add(new ServiceChange.Attributes(changed));
        }
        return plan;
    }

    /**
     * What an adopted service is wanted to be: as it was found (its attributes and resources); its allowed accounts
     * left to whoever listed them until an update names some.
     */
    static ServiceSpec asSpec(ServiceObservation seen) {
        Object bandwidth = seen.attributes().get("ConnectBandwidth");
        return new ServiceSpec(flag(seen, "AutoAcceptEnabled"), flag(seen, "ZoneAffinityEnabled"),
                (String) seen.attributes().get("ServiceDescription"),
                bandwidth instanceof Number n ? n.intValue() : null, seen.resources(), null, null);
    }

    private static Boolean flag(ServiceObservation seen, String name) {
        Object value = seen.attributes().get(name);
        return value == null ? null : Boolean.valueOf(value.toString());
    }

    /** The accounts an update no longer wants: listed before it, not after. */
    static List<String> released(ServiceSpec before, ServiceSpec after) {
        if (before == null || before.user() == null) {
            return List.of();
        }
        List<String> kept = after.user() == null ? before.user() : after.user();
        return before.user().stream().filter(u -> !kept.contains(u)).toList();
    }

    /** An attribute asked for that the cloud shows otherwise ("" and absent are one for a text). */
    private static void differs(Map<String, String> changed, String name, Object wanted, ServiceObservation seen) {
        if (wanted == null) {
            return;
        }
        Object shown = seen.attributes().get(name);
        String text = shown == null ? "" : shown.toString();
        if (!Objects.equals(wanted.toString(), text)) {
            changed.put(name, wanted.toString());
        }
    }
}
