package io.privatelink.provisioner.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.job.JobEvent;
import io.privatelink.provisioner.job.JobEventFactory;
import io.privatelink.provisioner.job.JobHistoryEntry;
import io.privatelink.provisioner.job.ManagedEndpoint;
import io.privatelink.provisioner.job.ManagedService;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.VpcEndpointJob;

/** A state change as a CloudEvent 1.0 in structured JSON: type privatelink.vpc-endpoint.job.&lt;state&gt;, data the job. */
@ApplicationScoped
public class JobCloudEvents implements JobEventFactory {

    public static final String TYPE_PREFIX = "privatelink.vpc-endpoint.job.";
    public static final String SOURCE = "/privatelink-provisioner/jobs";
    /** Events about a managed endpoint itself (drifted, gone), subject its EndpointId. */
    public static final String ENDPOINT_TYPE_PREFIX = "privatelink.vpc-endpoint.";
    public static final String ENDPOINT_SOURCE = "/privatelink-provisioner/endpoints";
    public static final String SERVICE_TYPE_PREFIX = "privatelink.vpc-endpoint-service.";
    public static final String SERVICE_SOURCE = "/privatelink-provisioner/services";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private final JobViews views;
    private final ObjectMapper json;

    public JobCloudEvents(JobViews views, ObjectMapper json) {
        this.views = views;
        this.json = json;
    }

    @Override
    public JobEvent event(VpcEndpointJob job, List<JobHistoryEntry> history, JobHistoryEntry step) {
        // The job as it stood at this step: its history up to and including the step.
        List<JobHistoryEntry> upToStep = step.id == null ? history
                : history.stream().filter(h -> h.id == null || h.id <= step.id).toList();
        return row(job.jobId, SOURCE, TYPE_PREFIX + step.jobStatus.eventName(), job.jobId, step.at,
                views.view(job, upToStep));
    }

    @Override
    public JobEvent endpointEvent(ManagedEndpoint endpoint, String kind, Object data) {
        return row(endpoint.resourceKey, ENDPOINT_SOURCE, ENDPOINT_TYPE_PREFIX + kind, endpoint.endpointId,
                endpoint.updatedAt, data);
    }

    @Override
    public JobEvent serviceEvent(ManagedService service, String kind, Object data) {
        return row(service.resourceKey, SERVICE_SOURCE, SERVICE_TYPE_PREFIX + kind, service.serviceId,
                service.updatedAt, data);
    }

    /** The structured CloudEvent, its attributes in this order; written in one pass, data and all. */
    @JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"})
    private record Envelope(@JsonProperty("specversion") String specversion, @JsonProperty("id") String id,
            @JsonProperty("source") String source, @JsonProperty("type") String type,
            @JsonProperty("subject") String subject, @JsonProperty("time") String time,
            @JsonProperty("datacontenttype") String datacontenttype, @JsonProperty("data") Object data) {
    }

    /** An event in the outbox; {@code key} orders it (the job's, or the managed resource's beside its jobs'). */
    private JobEvent row(String key, String source, String type, String subject, java.time.Instant at, Object data) {
        Envelope event = new Envelope("1.0", UUID.randomUUID().toString(), source, type, subject, at.toString(),
                "application/json", data);
        JobEvent row = new JobEvent();
        row.cloudEventId = event.id();
        row.jobId = key;
        row.eventType = type;
        try {
            row.payload = json.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a CloudEvent could not be written: " + type, e);
        }
        row.createdAt = at;
        return row;
    }
}
