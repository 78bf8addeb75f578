package io.privatelink.provisioner.provisioning;

import io.privatelink.provisioner.api.JobRequest;
import io.privatelink.provisioner.api.RequestFingerprint;
import io.privatelink.provisioner.job.Operation;

/**
 * The admission of an operation on an existing endpoint or service (or of a new service): its fingerprint is its action and parameters, and a
 * ClientToken already held answers before the endpoint is looked up (it may have gone since). Its beans are singletons:
 * a client proxy would need a constructor without arguments.
 */
abstract class OperationAdmission<R extends JobRequest> implements Admission<R> {

    private final Operation operation;
    private final Class<R> requestType;

    OperationAdmission(Operation operation, Class<R> requestType) {
        this.operation = operation;
        this.requestType = requestType;
    }

    @Override
    public Operation operation() {
        return operation;
    }

    @Override
    public Class<R> requestType() {
        return requestType;
    }

    @Override
    public String fingerprint(R request) {
        return RequestFingerprint.of(operation.action(), request);
    }

    @Override
    public boolean replaysFirst() {
        return true;
    }
}
