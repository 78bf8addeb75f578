package io.privatelink.provisioner.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A job as GetVpcEndpointJob shows it (and as the events topic carries it). The Request is the stored JSON as it was
 * recorded, embedded without reading it again: a request refused from the topic may hold what no reader takes.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobView(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("JobId") String jobId,
        @JsonProperty("Action") String action,
        @JsonProperty("Account") String account,
        @JsonProperty("JobStatus") String jobStatus,
        @JsonProperty("ClientToken") String clientToken,
        @JsonProperty("CreatedAt") String createdAt,
        @JsonProperty("UpdatedAt") String updatedAt,
        @JsonProperty("Attempts") int attempts,
        @JsonProperty("NextAttemptAt") String nextAttemptAt,
        @JsonProperty("Deadline") String deadline,
        @JsonProperty("Applied") List<String> applied,
        @JsonProperty("Error") Error error,
        @JsonProperty("Endpoint") Map<String, Object> endpoint,
        /** An endpoint service's job: the service as last seen (its attributes, resources, users, connections). */
        @JsonProperty("Service") Map<String, Object> service,
        @JsonProperty("Request") @JsonRawValue String request,
        @JsonProperty("History") List<Step> history,
        @JsonProperty("Notification") Notification notification) {

    public record Error(@JsonProperty("Code") String code, @JsonProperty("Message") String message) {
    }

    /**
     * Where the job's events are POSTed (the URL without its query) and which; with each delivery and its latest
     * attempts where GetVpcEndpointJob shows the job (an event shows none: it is what is delivered).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notification(@JsonProperty("Url") String url, @JsonProperty("NotifyOn") String notifyOn,
            @JsonProperty("Deliveries") List<Delivery> deliveries) {
    }

    /** One event's delivery: Pending (being tried), Delivered, Refused (a 4xx) or GaveUp. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Delivery(@JsonProperty("EventId") String eventId, @JsonProperty("EventType") String eventType,
            @JsonProperty("State") String state, @JsonProperty("Attempts") int attempts,
            @JsonProperty("NextAttemptAt") String nextAttemptAt,
            @JsonProperty("LatestAttempts") List<Attempt> latestAttempts) {
    }

    /** An attempt: when, the receiver's HTTP status (null without an answer) or why there was none, how long. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Attempt(@JsonProperty("At") String at, @JsonProperty("Status") Integer status,
            @JsonProperty("Error") String error, @JsonProperty("Millis") int millis) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Step(@JsonProperty("JobStatus") String jobStatus, @JsonProperty("At") String at,
            @JsonProperty("Detail") String detail) {
    }
}
