package io.privatelink.provisioner.provisioning;

import java.util.Map;

import io.privatelink.provisioner.api.EndpointSpec;
import io.privatelink.provisioner.cloud.Observation;

/** What one observation of a managed endpoint found, against what its owner wants of it. Pure. */
public sealed interface DriftFinding {

    /** The cloud no longer has the endpoint: deleted out of band. */
    record Gone() implements DriftFinding {
    }

    /** Attributes, zones or security groups differ: the changes that would put it back, by step. */
    record Drifted(Map<String, Object> differences) implements DriftFinding {
    }

    /** The endpoint is as desired, or on its way somewhere (a change under way is no drift yet). */
    record InSync() implements DriftFinding {
    }

    static DriftFinding of(EndpointSpec desired, Observation seen) {
        if (!seen.exists()) {
            return new Gone();
        }
        if (!seen.isSettled()) {
            return new InSync();
        }
        Map<String, Object> differences = EndpointDiff.differences(desired, seen);
        return differences.isEmpty() ? new InSync() : new Drifted(differences);
    }
}
