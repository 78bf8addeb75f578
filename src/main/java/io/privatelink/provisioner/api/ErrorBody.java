package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The API's error shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("Code") String code,
        @JsonProperty("Message") String message,
        @JsonProperty("Recommend") String recommend) {
}
