package io.privatelink.provisioner.job;

/** Which of a job's events go to its NotificationUrl. */
public enum NotifyOn {
    /** The event of its end only (and of AwaitingAcceptance, where a person must act). */
    Terminal,
    /** The event of every state it enters. */
    EveryState;

    /** The request's NotifyOn (already checked against its form); null for the default. */
    public static NotifyOn of(String requested) {
        return requested == null ? Terminal : valueOf(requested);
    }
}
