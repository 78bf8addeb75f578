package io.privatelink.provisioner.job;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a job stands; terminal states never change. */
public enum JobStatus {
    Accepted, Provisioning, Creating, Active, Failed;

    public boolean isTerminal() {
        return this == Active || this == Failed;
    }

    /** The states this one may move to (Provisioning to itself: a retried create call). */
    public Set<JobStatus> next() {
        return switch (this) {
            case Accepted -> EnumSet.of(Provisioning, Failed);
            case Provisioning -> EnumSet.of(Provisioning, Creating, Failed);
            case Creating -> EnumSet.of(Active, Failed);
            case Active, Failed -> EnumSet.noneOf(JobStatus.class);
        };
    }

    public boolean canMoveTo(JobStatus target) {
        return next().contains(target);
    }

    /** The suffix of the CloudEvent type for a change into this state. */
    public String eventName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
