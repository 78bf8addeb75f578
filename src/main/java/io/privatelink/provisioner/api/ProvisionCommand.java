package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The record on vpc-endpoint.commands: provision this job. Keyed by JobId. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ProvisionCommand(@JsonProperty("JobId") String jobId) {
}
