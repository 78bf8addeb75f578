package io.privatelink.provisioner.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A backend resource of an endpoint service (a load balancer): its id, its type, and its zone (all types but slb). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceResource(
        @NotNull(message = ApiErrors.ILLEGAL_RESOURCE)
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_RESOURCE)
        @JsonProperty("ResourceId") String resourceId,
        @NotNull(message = ApiErrors.ILLEGAL_RESOURCE)
        @Pattern(regexp = ParameterForms.SERVICE_RESOURCE_TYPE, message = ApiErrors.ILLEGAL_RESOURCE)
        @JsonProperty("ResourceType") String resourceType,
        @Pattern(regexp = ParameterForms.RESOURCE_ID, message = ApiErrors.ILLEGAL_RESOURCE)
        @JsonProperty("ZoneId") String zoneId) {

    /** The API answers an absent zone as "": the same resource either way. */
    public ServiceResource {
        zoneId = zoneId == null || zoneId.isEmpty() ? null : zoneId;
    }

    /** Whether it names the zone its type needs (every type but slb lives in one). */
    public boolean hasNeededZone() {
        return zoneId != null || "slb".equals(resourceType);
    }

    /** The parameters of AttachResource and DetachResource. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ResourceId", resourceId);
        p.put("ResourceType", resourceType);
        if (zoneId != null) {
            p.put("ZoneId", zoneId);
        }
        return p;
    }
}
