package io.privatelink.provisioner.api;

/** A request for an operation on a managed endpoint service, named by its ServiceId. */
public interface ServiceRequest extends JobRequest {

    String serviceId();

    Boolean dryRun();

    @Override
    default boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun());
    }
}
