package io.privatelink.provisioner.job;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.api.JobView;
import io.privatelink.provisioner.api.RequestIds;

/** Turns a stored job into the contract's view, and requests and cloud answers into their stored JSON. */
@ApplicationScoped
public class JobViews {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public JobViews(ObjectMapper json) {
        this.json = json;
    }

    /** The job as an event carries it: where it notifies, without deliveries. */
    public JobView view(VpcEndpointJob job, List<JobHistoryEntry> history) {
        return view(job, history, null);
    }

    /** The job as GetVpcEndpointJob shows it, with its deliveries. */
    public JobView view(JobStore.WithHistory found) {
        return view(found.job(), found.history(), found.deliveries());
    }

    private JobView view(VpcEndpointJob job, List<JobHistoryEntry> history, List<JobView.Delivery> deliveries) {
        return new JobView(
                RequestIds.next(),
                job.jobId,
                job.operation.action(),
                job.account.isEmpty() ? null : job.account,
                job.status.name(),
                job.clientToken,
                time(job.createdAt),
                time(job.updatedAt),
                job.attempts,
                job.status.isTerminal() ? null : time(job.nextAttemptAt),
                time(job.deadlineAt),
                job.operation == Operation.Create ? null : strings(job.appliedJson),
                job.errorCode == null ? null : new JobView.Error(job.errorCode, job.errorMessage),
                job.operation.onService() ? null : endpoint(job),
                job.operation.onService() ? endpoint(job) : null,
                job.requestJson,
                history.stream().map(h -> new JobView.Step(h.jobStatus.name(), time(h.at), h.detail)).toList(),
                job.notificationUrl == null ? null : new JobView.Notification(Callback.shown(job.notificationUrl),
                        job.notifyOn.name(), deliveries));
    }

    /** The endpoint's fields as recorded; null before the cloud named one. */
    public Map<String, Object> endpoint(VpcEndpointJob job) {
        return job.endpointJson == null ? null : read(job.endpointJson, FIELDS);
    }

    public CreateVpcEndpointRequest request(VpcEndpointJob job) {
        return request(job, CreateVpcEndpointRequest.class);
    }

    /** The request the job was accepted for, as the type of its operation's request. */
    public <T> T request(VpcEndpointJob job, Class<T> type) {
        return read(job.requestJson, type);
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of strings (an operation's applied steps); empty for null. */
    public List<String> strings(String text) {
        return text == null ? List.of() : read(text, new TypeReference<List<String>>() {
        });
    }

    /** A request as the job records it: its NotificationUrl as views show it (the whole URL has a column of its own). */
    public String writeRequest(Object request) {
        com.fasterxml.jackson.databind.node.ObjectNode fields = json.valueToTree(request);
        com.fasterxml.jackson.databind.JsonNode url = fields.get("NotificationUrl");
        if (url != null && url.isTextual()) {
            fields.put("NotificationUrl", Callback.shown(url.asText()));
        }
        return write(fields);
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
