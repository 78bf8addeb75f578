package io.privatelink.provisioner.provisioning;

import java.util.List;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ConnectionDecisionRequest;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.AccountPolicy;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.cloud.CloudErrors;
import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.cloud.EndpointChange;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.Operation;
import io.smallrye.mutiny.Uni;

/**
 * A service owner's decision on one connection (accept or reject), in an account the caller's tenant may use: the
 * connection must be listed by one of that account's services, else the answer is a 404 worded as a missing one
 * (another tenant's service looks like no service at all); a service managed here is its own tenant's alone. Decisions on one connection run one at a time.
 */
abstract class ConnectionAdmission extends OperationAdmission<ConnectionDecisionRequest> {

    private final RequestValidator validator;
    private final AccountPolicy accounts;
    private final Clouds cloud;
    private final JobStore jobs;

    ConnectionAdmission(Operation operation, RequestValidator validator, AccountPolicy accounts, Clouds cloud,
            JobStore jobs) {
        super(operation, ConnectionDecisionRequest.class);
        this.validator = validator;
        this.accounts = accounts;
        this.cloud = cloud;
        this.jobs = jobs;
    }

    @Override
    public String admit(ConnectionDecisionRequest request, Caller caller) {
        validator.validateOperation(request, false);
        if (request.serviceId() == null || request.serviceId().isBlank()) {
            throw ApiErrors.missing("ServiceId", "ServiceId is mandatory for this action.");
        }
        if (operation() == Operation.Reject && request.bandwidth() != null) {
            throw ApiErrors.rule(ApiErrors.ILLEGAL_CONNECTION_BANDWIDTH);
        }
        return accounts.accountFor(caller, request.account());
    }

    /** A service managed here is its tenant's alone: another tenant's decision on it finds no such service. */
    @Override
    public Uni<JobTarget> target(ConnectionDecisionRequest request, Caller caller, String account) {
        return jobs.managedService(request.serviceId()).flatMap(managed -> {
            if (managed != null && !managed.ownedBy(caller.owner())) {
                throw ApiErrors.serviceNotFound(request.serviceId());
            }
            return connectionIn(request, caller, account);
        });
    }

    private Uni<JobTarget> connectionIn(ConnectionDecisionRequest request, Caller caller, String account) {
        return cloud.of(account, caller.owner().tenant())
                .connection(request.regionId(), request.serviceId(), request.endpointId())
                .onFailure(e -> CloudException.is(e, CloudErrors.SERVICE_NOT_FOUND))
                .transform(e -> ApiErrors.serviceNotFound(request.serviceId()))
                .map(seen -> {
                    if (!seen.exists()) {
                        throw ApiErrors.connectionNotFound(ApiErrors.CONNECTION_NOT_FOUND, request.serviceId(),
                                request.endpointId());
                    }
                    List<String> zones = seen.zones() == null ? List.of() : seen.zones().stream()
                            .map(Observation.ZoneState::zoneId).toList();
                    if (!zones.containsAll(request.zones())
                            || request.zones().stream().distinct().count() < request.zones().size()) {
                        throw ApiErrors.rule(ApiErrors.ILLEGAL_ZONE_ID);
                    }
                    return new JobTarget(resourceKey(request.serviceId(), request.endpointId()), account,
                            request.regionId(), "", request.endpointId(), null, null);
                });
    }

    @Override
    public Uni<Void> dryRun(ConnectionDecisionRequest request, JobTarget target, Caller caller) {
        // A rejection of some zones is checked as its first zone's call; any other as the whole decision's.
        EndpointChange checked = operation() == Operation.Reject && !request.zones().isEmpty()
                ? new EndpointChange.DisableZoneConnection(request.serviceId(), request.zones().get(0))
                : change(operation(), request);
        return cloud.of(target.account(), caller.owner().tenant()).change(target.regionId(), target.endpointId(),
                checked, request.clientToken(), true);
    }

    /** The call that carries a decision out. */
    static EndpointChange change(Operation operation, ConnectionDecisionRequest request) {
        return operation == Operation.Accept ? new EndpointChange.EnableConnection(request.serviceId(),
                request.bandwidth()) : new EndpointChange.DisableConnection(request.serviceId());
    }

    /** The key the decisions on one connection share (and run one at a time by): a digest of service and endpoint. */
    static String resourceKey(String serviceId, String endpointId) {
        return "cx-" + Digests.hex(serviceId + "/" + endpointId, 24);
    }
}
