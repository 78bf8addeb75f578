package io.privatelink.provisioner.api;

import java.util.List;

import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest.ZoneSpec;

/**
 * UpdateVpcEndpoint: what the endpoint should be from now on. A parameter left out keeps its desired value; a list
 * given replaces the list (the security groups and zones the endpoint should have, all of them); with none, the
 * endpoint is put back as desired (after drift). The parameters it
 * shares with CreateVpcEndpoint are held to the same rules, with the same codes ({@link RequestValidator}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateVpcEndpointRequest(
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_REGION_ID)
        @JsonProperty("RegionId") String regionId,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_ENDPOINT_ID)
        @JsonProperty("EndpointId") String endpointId,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_JOB_ID)
        @JsonProperty("JobId") String jobId,
        @JsonProperty("SecurityGroupId") List<String> securityGroupId,
        @JsonProperty("Zone") List<ZoneSpec> zone,
        @JsonProperty("EndpointName") String endpointName,
        @JsonProperty("EndpointDescription") String endpointDescription,
        @JsonProperty("PolicyDocument") String policyDocument,
        @JsonProperty("ZoneAffinityEnabled") Boolean zoneAffinityEnabled,
        @Pattern(regexp = ParameterForms.CLIENT_TOKEN, message = ApiErrors.ILLEGAL_CLIENT_TOKEN)
        @JsonProperty("ClientToken") String clientToken,
        @JsonProperty("DryRun") Boolean dryRun,
        @DeadlineSeconds
        @JsonProperty("Deadline") Integer deadline,
        /** Where the job's events are POSTed, signed (the tenant's default URL otherwise, if it has one). */
        @NotificationUrlForm
        @JsonProperty("NotificationUrl") String notificationUrl,
        @NotifyOnForm
        @JsonProperty("NotifyOn") String notifyOn) implements OperationRequest {

    @Override
    public UpdateVpcEndpointRequest withClientToken(String token) {
        return new UpdateVpcEndpointRequest(regionId, endpointId, jobId, securityGroupId, zone, endpointName,
                endpointDescription, policyDocument, zoneAffinityEnabled, token, dryRun, deadline, notificationUrl,
                notifyOn);
    }

    /**
     * The parameters it shares with CreateVpcEndpoint, in a create request's shape, with the endpoint's own type and
     * IP version (so that the rules between them hold as they did at its creation).
     */
    public CreateVpcEndpointRequest asCreateShape(String endpointRegion, String endpointType, String addressIpVersion) {
        return new CreateVpcEndpointRequest(endpointRegion, null, null, null, null, null, endpointName,
                endpointDescription, endpointType, securityGroupId, zone, null, null, null, policyDocument,
                addressIpVersion, zoneAffinityEnabled, null, clientToken, dryRun, null, null, null, null, null, null);
    }
}
