package io.privatelink.provisioner.provisioning;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.EndpointSpec;
import io.privatelink.provisioner.cloud.CloudChange;
import io.privatelink.provisioner.cloud.CloudErrors;
import io.privatelink.provisioner.cloud.EndpointChange;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.VpcEndpointJob;

/**
 * What an operation on a managed endpoint (delete, update, adopt), or an owner's decision on a connection, does next,
 * as Crossplane's reconciler decides it: observe, compare with what is wanted, make one change, observe again. Pure:
 * no I/O, no clock; the use case (RunOperation) loads, observes, calls and records.
 */
@ApplicationScoped
public class OperationDecisions {

    /** A connection on its way somewhere: no decision is made on it meanwhile (the cloud would refuse it). */
    private static final List<String> CONNECTION_MOVING = List.of("Connecting", "Disconnecting", "Pending",
            "Deleting");

    private final ProvisionerConfig.Retry retry;
    private final RetrySchedule schedule;

    @jakarta.inject.Inject
    public OperationDecisions(ProvisionerConfig config, RetrySchedule schedule) {
        this(config.retry(), schedule);
    }

    public OperationDecisions(ProvisionerConfig.Retry retry, RetrySchedule schedule) {
        this.retry = retry;
        this.schedule = schedule;
    }

    /**
     * The start of an operation that was accepted (or queued): does it wait, start, or end already? {@code managed}
     * is the endpoint's record under management, for an adoption: one adopted meanwhile is not adopted twice.
     */
    public OperationStep start(VpcEndpointJob job, String earlierMoving, VpcEndpointJob root, boolean managed,
            Instant now) {
        if (earlierMoving != null) {
            return new OperationStep.Queue(earlierMoving, now.plus(retry.queuedRecheck()));
        }
        if (job.operation == Operation.Adopt && managed) {
            String message = "The endpoint " + job.endpointId + " is already managed by this service.";
            return new OperationStep.Fail(ApiErrors.ENDPOINT_MANAGED, message, ApiErrors.ENDPOINT_MANAGED + ": " + message);
        }
        String regionId = job.regionId;
        String endpointId = job.endpointId;
        if (endpointId == null && root != null) {
            regionId = root.regionId;
            endpointId = root.endpointId;
        }
        if (endpointId == null) {
            // The job that was to make the endpoint ended without one (it failed, or was cancelled).
            String made = "The job " + job.resourceKey + " made no endpoint";
            return job.operation == Operation.Delete ? new OperationStep.Done(Observation.gone(), made + ": nothing to delete.")
                    : new OperationStep.Fail(ApiErrors.ENDPOINT_NOT_FOUND, made + ".", ApiErrors.ENDPOINT_NOT_FOUND
                            + ": " + made);
        }
        Instant deadline = job.deadlineAt != null ? job.deadlineAt : now.plus(retry.operationDeadline());
        return new OperationStep.Start(regionId, endpointId, deadline);
    }

    /** The endpoint was observed: the next step toward what the operation wants. */
    public OperationStep afterObserve(VpcEndpointJob job, List<String> applied, EndpointSpec desired, Observation seen,
            Instant now) {
        if (pastDeadline(job, now)) {
            return timedOut(job, applied);
        }
        return switch (job.operation) {
            case Delete -> !seen.exists() ? new OperationStep.Done(seen, "EndpointNotFound: the endpoint is gone")
                    : seen.isInTransition() ? poll(job, now)
                    : change(job, applied, new EndpointChange.DeleteEndpoint(), now);
            case Adopt -> !seen.exists() ? gone(job) : seen.isSettled()
                    ? new OperationStep.Done(seen, "observed EndpointStatus " + seen.status() + " with "
                            + seen.zones().size() + " zones and " + seen.securityGroups().size() + " security groups")
                    : poll(job, now);
            case Update -> update(job, applied, desired, seen, now);
            default -> throw new IllegalArgumentException(job.operation
                    + " is no operation on a managed endpoint");
        };
    }

    /**
     * The connection a decision is about was observed (its ConnectionStatus as the status): the decision's call is made
     * once, unless an acceptance finds the connection Connected already; the job ends when the connection is where the
     * decision sends it, and waits while it is on its way.
     */
    public OperationStep afterConnectionObserved(VpcEndpointJob job, List<String> applied, EndpointChange decision,
            Observation seen, Instant now) {
        if (pastDeadline(job, now)) {
            return timedOut(job, applied);
        }
        if (!seen.exists()) {
            return fail(ApiErrors.CONNECTION_NOT_FOUND, "The service " + decision.target()
                    + " lists no connection of the endpoint " + job.endpointId + ".");
        }
        if ("ServiceDeleted".equals(seen.status())) {
            return fail(ApiErrors.SERVICE_DELETED, "The service " + decision.target() + " was deleted.");
        }
        boolean accept = decision instanceof EndpointChange.EnableConnection;
        boolean made = applied.contains(decision.step());
        if (seen.status().equals(accept ? "Connected" : "Disconnected") && (made || accept)) {
            return new OperationStep.Done(seen, "ConnectionStatus " + seen.status());
        }
        return made || CONNECTION_MOVING.contains(seen.status()) ? poll(job, now)
                : new OperationStep.Call(decision, token(job.cloudToken, decision.step()));
    }

    /**
     * A decision on some zones of a connection (as observed by its owner): an acceptance connects the connection first
     * (the call of a whole decision), then each listed zone still Disconnected; a rejection disconnects each listed
     * zone still Connected (a connection no longer Connected has none connected). One call at a time; done when every
     * listed zone is where the decision sends it.
     */
    public OperationStep afterZonesObserved(VpcEndpointJob job, List<String> applied, EndpointChange decision,
            List<String> zoneIds, Observation seen, Instant now) {
        if (pastDeadline(job, now)) {
            return timedOut(job, applied);
        }
        if (!seen.exists() || "ServiceDeleted".equals(seen.status())) {
            return afterConnectionObserved(job, applied, decision, seen, now);
        }
        boolean accept = decision instanceof EndpointChange.EnableConnection;
        if (!"Connected".equals(seen.status())) {
            if (!accept && "Disconnected".equals(seen.status())) {
                return new OperationStep.Done(seen, "ConnectionStatus Disconnected: no zone is connected");
            }
            return accept && !CONNECTION_MOVING.contains(seen.status()) && !applied.contains(decision.step())
                    ? new OperationStep.Call(decision, token(job.cloudToken, decision.step())) : poll(job, now);
        }
        String wanted = accept ? "Connected" : "Disconnected";
        for (String zoneId : zoneIds) {
            String status = seen.zones() == null ? null : seen.zones().stream().filter(z -> zoneId.equals(z.zoneId()))
                    .map(Observation.ZoneState::status).findFirst().orElse(null);
            if (status == null) {
                return fail(ApiErrors.ZONE_NOT_FOUND, "The connection of the endpoint " + job.endpointId
                        + " has no zone " + zoneId + ".");
            }
            if (status.equals(wanted)) {
                continue;
            }
            EndpointChange change = accept ? new EndpointChange.EnableZoneConnection(decision.target(), zoneId)
                    : new EndpointChange.DisableZoneConnection(decision.target(), zoneId);
            return applied.contains(change.step()) || !status.equals(accept ? "Disconnected" : "Connected")
                    ? poll(job, now) : new OperationStep.Call(change, token(job.cloudToken, change.step()));
        }
        return new OperationStep.Done(seen, "ZoneStatus " + wanted + " in " + String.join(", ", zoneIds));
    }

    private OperationStep update(VpcEndpointJob job, List<String> applied, EndpointSpec desired, Observation seen,
            Instant now) {
        if (!seen.exists()) {
            return gone(job);
        }
        if (!seen.isSettled()) {
            return poll(job, now);
        }
        List<EndpointChange> plan = EndpointDiff.plan(desired, seen);
        return plan.isEmpty() ? new OperationStep.Done(seen, "the endpoint is as desired after " + applied.size()
                + " changes") : change(job, applied, plan.get(0), now);
    }

    /** A change not yet made is called; one made already is waited for (the cloud may show it late). */
    OperationStep change(VpcEndpointJob job, List<String> applied, CloudChange change, Instant now) {
        return applied.contains(change.step()) ? poll(job, now)
                : new OperationStep.Call(change, token(job.cloudToken, change.step()));
    }

    /** The change's call answered (failure null) or failed: an answered change is looked at after the settle time. */
    public OperationStep afterCall(VpcEndpointJob job, List<String> applied, CloudChange change, CallFailure failure,
            Instant now) {
        if (failure == null) {
            return new OperationStep.Applied(change.step(), now.plus(retry.settle()));
        }
        if (change instanceof EndpointChange.DeleteEndpoint && CloudErrors.ENDPOINT_NOT_FOUND.equals(failure.code())) {
            return new OperationStep.Done(Observation.gone(), "EndpointNotFound: the endpoint was already gone");
        }
        if (change instanceof EndpointChange.RemoveZone && CloudErrors.ZONE_NOT_FOUND.equals(failure.code())) {
            return new OperationStep.Applied(change.step(), now);
        }
        if (failure.retryable()) {
            return backOff(job, applied, failure, now);
        }
        return new OperationStep.Fail(failure.code(), failure.message(), "step " + change.step() + " failed: "
                + failure.code() + ": " + failure.message() + "; applied before it: " + applied);
    }

    /** The observation got no answer. */
    public OperationStep afterObserveFailed(VpcEndpointJob job, List<String> applied, CallFailure failure, Instant now) {
        if (!failure.retryable()) {
            return new OperationStep.Fail(failure.code(), failure.message(), "observing the endpoint failed: "
                    + failure.code() + ": " + failure.message() + "; applied before it: " + applied);
        }
        return backOff(job, applied, failure, now);
    }

    OperationStep backOff(VpcEndpointJob job, List<String> applied, CallFailure failure, Instant now) {
        if (pastDeadline(job, now)) {
            return timedOut(job, applied);
        }
        Instant at = now.plus(schedule.afterFailedAttempt(job.pollFailures + 1));
        return new OperationStep.Wait(job.deadlineAt != null && at.isAfter(job.deadlineAt) ? job.deadlineAt : at,
                true, failure.code());
    }

    OperationStep poll(VpcEndpointJob job, Instant now) {
        return new OperationStep.Wait(now.plus(retry.settle()), false, null);
    }

    private static OperationStep gone(VpcEndpointJob job) {
        return fail(ApiErrors.ENDPOINT_NOT_FOUND, "The endpoint " + job.endpointId + " does not exist.");
    }

    static OperationStep fail(String code, String message) {
        return new OperationStep.Fail(code, message, code + ": " + message);
    }

    static boolean pastDeadline(VpcEndpointJob job, Instant now) {
        return job.deadlineAt != null && now.isAfter(job.deadlineAt);
    }

    static OperationStep timedOut(VpcEndpointJob job, List<String> applied) {
        String message = "The " + job.operation.action() + " job did not finish by its deadline " + job.deadlineAt
                + "; applied: " + applied + ".";
        return new OperationStep.Fail(ApiErrors.PROVISIONING_TIMEOUT, message, ApiErrors.PROVISIONING_TIMEOUT + ": "
                + message);
    }

    /**
     * The ClientToken of one step of one job: the job's cloud token and a digest of the step, at most 64 ASCII
     * characters, the same each time the step is tried, so that the cloud makes each change once.
     */
    static String token(String cloudToken, String step) {
        return cloudToken + "-" + Digests.hex(step, 8);
    }

    /** Whether the job is an operation still waiting to start. */
    public static boolean waitsToStart(VpcEndpointJob job) {
        return job.operation != Operation.Create && job.status.beforeTheCloud();
    }
}
