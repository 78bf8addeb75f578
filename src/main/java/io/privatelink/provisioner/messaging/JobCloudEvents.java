package io.privatelink.provisioner.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", SOURCE);
        event.put("type", TYPE_PREFIX + step.jobStatus.eventName());
        event.put("subject", job.jobId);
        event.put("time", step.at.toString());
        event.put("datacontenttype", "application/json");
        event.set("data", json.valueToTree(views.view(job, upToStep)));
        return row(job.jobId, TYPE_PREFIX + step.jobStatus.eventName(), event, step.at);
    }

    @Override
    public JobEvent endpointEvent(ManagedEndpoint endpoint, String kind, Object data) {
        return resourceEvent(ENDPOINT_SOURCE, ENDPOINT_TYPE_PREFIX + kind, endpoint.endpointId, endpoint.resourceKey,
                endpoint.updatedAt, data);
    }

    @Override
    public JobEvent serviceEvent(ManagedService service, String kind, Object data) {
        return resourceEvent(SERVICE_SOURCE, SERVICE_TYPE_PREFIX + kind, service.serviceId, service.resourceKey,
                service.updatedAt, data);
    }

    /** An event about a managed resource, published in order with the events of the job that brought it in. */
    private JobEvent resourceEvent(String source, String type, String subject, String resourceKey,
            java.time.Instant at, Object data) {
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", source);
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", at.toString());
        event.put("datacontenttype", "application/json");
        event.set("data", json.valueToTree(data));
        return row(resourceKey, type, event, at);
    }

    private static JobEvent row(String jobId, String type, ObjectNode event, java.time.Instant at) {
        JobEvent row = new JobEvent();
        row.cloudEventId = event.get("id").asText();
        row.jobId = jobId;
        row.eventType = type;
        row.payload = event.toString();
        row.createdAt = at;
        return row;
    }
}
