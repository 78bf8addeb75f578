package io.privatelink.provisioner.api;

/** A request that may ask for its job's end (or every state) to be POSTed to a URL of the caller's. */
public interface Notified {

    /** Where the job's events go; null for the tenant's default, if it has one. */
    String notificationUrl();

    /** Terminal (the default) or EveryState; null for Terminal. */
    String notifyOn();
}
