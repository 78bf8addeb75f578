package io.privatelink.provisioner.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.privatelink.provisioner.job.DriftRecord;
import io.privatelink.provisioner.job.JobEvent;
import io.privatelink.provisioner.job.JobHistoryEntry;
import io.privatelink.provisioner.job.JobOwner;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.ManagedEndpoint;
import io.privatelink.provisioner.job.ManagedService;
import io.privatelink.provisioner.job.ServiceWatchRecord;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.smallrye.mutiny.Uni;

/**
 * The record of jobs in memory, for the use cases' unit tests: a ClientToken held once per owner and account, every
 * move a history row and an event, managed endpoints as a test puts them. What only PostgreSQL can show (locks,
 * transactions, the group commit) is the full stack's to test. It is the drift watch's record of managed endpoints too.
 */
public final class InMemoryJobStore implements JobStore, DriftRecord, ServiceWatchRecord {

    private final Map<String, VpcEndpointJob> jobs = new LinkedHashMap<>();
    private final Map<String, List<JobHistoryEntry>> history = new LinkedHashMap<>();
    private final Map<String, ManagedEndpoint> managed = new LinkedHashMap<>();
    private final Map<String, ManagedService> services = new LinkedHashMap<>();
    private final List<JobEvent> events = new ArrayList<>();
    private final java.util.Set<String> publishing = new java.util.HashSet<>();
    private Runnable beforeNextUpdate;

    /** What another process commits between a use case's reads and its next update (a race, made to happen). */
    public synchronized void beforeNextUpdate(Runnable meanwhile) {
        beforeNextUpdate = meanwhile;
    }

    /** Every job recorded, in the order they were. */
    public synchronized List<VpcEndpointJob> jobs() {
        return List.copyOf(jobs.values());
    }

    /** The statuses the job went through, in order. */
    public synchronized List<JobStatus> statuses(String jobId) {
        return history.getOrDefault(jobId, List.of()).stream().map(h -> h.jobStatus).toList();
    }

    /** The event types recorded for the job, in order. */
    public synchronized List<String> eventTypes(String jobId) {
        return events.stream().filter(e -> e.jobId.equals(jobId)).map(e -> e.eventType).toList();
    }

    public synchronized void manage(ManagedEndpoint endpoint) {
        managed.put(endpoint.resourceKey, endpoint);
    }

    @Override
    public synchronized Uni<Accepted> accept(VpcEndpointJob job, String detail) {
        VpcEndpointJob held = holder(job.owner(), job.account, job.clientToken);
        if (held != null) {
            return Uni.createFrom().item(new Accepted(held, false));
        }
        jobs.put(job.jobId, job);
        record(JobHistoryEntry.of(job.jobId, job.status, job.createdAt, detail));
        return Uni.createFrom().item(new Accepted(job, true));
    }

    /** The newest job of {@code owner} (anyone's, for null) holding this ClientToken in this account (any, for null). */
    private VpcEndpointJob holder(JobOwner owner, String account, String clientToken) {
        return jobs.values().stream().filter(j -> (owner == null || j.owner().equals(owner))
                && j.clientToken.equals(clientToken) && (account == null || Objects.equals(j.account, account)))
                .reduce((a, b) -> b).orElse(null);
    }

    private void record(JobHistoryEntry entry) {
        history.computeIfAbsent(entry.jobId, id -> new ArrayList<>()).add(entry);
        JobEvent event = new JobEvent();
        event.jobId = entry.jobId;
        event.eventType = "privatelink.vpc-endpoint.job." + entry.jobStatus.eventName();
        // The CloudEvent's fields a test reads; the real payload is JobCloudEvents' (its own tests).
        event.payload = "{\"type\": \"" + event.eventType + "\", \"subject\": \"" + entry.jobId + "\"}";
        event.createdAt = entry.at;
        events.add(event);
    }

    @Override
    public synchronized Uni<Boolean> recordRefused(VpcEndpointJob job, String errorCode, String errorMessage) {
        if (holder(job.owner(), job.account, job.clientToken) != null) {
            return Uni.createFrom().item(false);
        }
        jobs.put(job.jobId, job);
        record(JobHistoryEntry.of(job.jobId, job.status, job.createdAt, "refused"));
        job.errorCode = errorCode;
        job.errorMessage = errorMessage;
        record(job.moveTo(JobStatus.Failed, errorCode + ": " + errorMessage, job.createdAt));
        return Uni.createFrom().item(true);
    }

    @Override
    public synchronized Uni<VpcEndpointJob> byId(String jobId) {
        return Uni.createFrom().item(jobs.get(jobId));
    }

    @Override
    public synchronized Uni<WithHistory> withHistory(String jobId) {
        VpcEndpointJob job = jobs.get(jobId);
        return Uni.createFrom().item(job == null ? null
                : new WithHistory(job, List.copyOf(history.getOrDefault(jobId, List.of())), List.of()));
    }

    @Override
    public synchronized Uni<VpcEndpointJob> byClientToken(JobOwner owner, String account, String clientToken) {
        return Uni.createFrom().item(holder(owner, account, clientToken));
    }

    @Override
    public synchronized Uni<List<JobHistoryEntry>> history(String jobId) {
        return Uni.createFrom().item(List.copyOf(history.getOrDefault(jobId, List.of())));
    }

    @Override
    public synchronized <T> Uni<T> update(String jobId, BiFunction<VpcEndpointJob, List<JobHistoryEntry>, T> change) {
        VpcEndpointJob job = jobs.get(jobId);
        if (job == null) {
            return Uni.createFrom().nullItem();
        }
        Runnable meanwhile = beforeNextUpdate;
        beforeNextUpdate = null;
        if (meanwhile != null) {
            meanwhile.run();
        }
        List<JobHistoryEntry> steps = new ArrayList<>();
        T answer = change.apply(job, steps);
        if (job.managedWrite != null) {
            manage(job.managedWrite);
            job.managedWrite = null;
        }
        if (job.serviceWrite != null) {
            services.put(job.serviceWrite.resourceKey, job.serviceWrite);
            job.serviceWrite = null;
        }
        if (job.status.isTerminal() && !steps.isEmpty()) {
            // As the database does: the operations queued behind a job that ends are due at once.
            jobs.values().stream().filter(j -> j.status == JobStatus.Queued && j.endpointKey().equals(job.endpointKey()))
                    .forEach(j -> j.nextAttemptAt = job.updatedAt);
        }
        steps.forEach(this::record);
        return Uni.createFrom().item(answer);
    }

    @Override
    public synchronized Uni<String> earlierMoving(VpcEndpointJob job) {
        // Accepted before it: recorded before it (the database's sequence).
        for (VpcEndpointJob j : jobs.values()) {
            if (j.jobId.equals(job.jobId)) {
                return Uni.createFrom().nullItem();
            }
            if (job.endpointKey().equals(j.endpointKey()) && !j.status.isTerminal()) {
                return Uni.createFrom().item(j.jobId);
            }
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public synchronized Uni<Boolean> hasEnded(String jobId) {
        VpcEndpointJob job = jobs.get(jobId);
        return Uni.createFrom().item(job == null || job.status.isTerminal());
    }

    @Override
    public synchronized Uni<ManagedEndpoint> managedEndpoint(String resourceKey) {
        return Uni.createFrom().item(managed.get(resourceKey));
    }

    @Override
    public synchronized Uni<ManagedEndpoint> managedById(String endpointId) {
        return Uni.createFrom().item(managed.values().stream().filter(m -> m.endpointId.equals(endpointId)
                && m.status != ManagedEndpoint.Status.Deleted).findFirst().orElse(null));
    }

    @Override
    public synchronized Uni<ManagedService> managedService(String serviceId) {
        return Uni.createFrom().item(services.values().stream().filter(m -> m.serviceId.equals(serviceId)
                && m.status != ManagedService.Status.Deleted).findFirst().orElse(null));
    }

    /** Every managed service ever recorded, deleted ones too, by key. */
    public synchronized Map<String, ManagedService> services() {
        return Map.copyOf(services);
    }

    @Override
    public synchronized Uni<VpcEndpointJob> createJobOf(JobOwner owner, String endpointId) {
        return Uni.createFrom().item(jobs.values().stream().filter(j -> j.owner().equals(owner)
                && endpointId.equals(j.endpointId) && j.operation == io.privatelink.provisioner.job.Operation.Create)
                .reduce((a, b) -> b).orElse(null));
    }

    @Override
    public synchronized Uni<Long> countDue(Instant now) {
        return Uni.createFrom().item(due(now).count());
    }

    private java.util.stream.Stream<VpcEndpointJob> due(Instant now) {
        return jobs.values().stream().filter(j -> !j.status.isTerminal() && j.nextAttemptAt != null
                && !j.nextAttemptAt.isAfter(now));
    }

    /** Whether a publisher is sending the job's events now. */
    public synchronized boolean publishing(String jobId) {
        return publishing.contains(jobId);
    }

    /**
     * As the database's row locks do: one publisher at a time per job; another meanwhile finds nothing to send (the
     * database would have it wait, then find the events published).
     */
    @Override
    public synchronized Uni<Integer> publishPending(String jobId, Function<List<JobEvent>, Uni<Void>> send) {
        List<JobEvent> pending = events.stream().filter(e -> e.jobId.equals(jobId) && e.publishedAt == null).toList();
        if (pending.isEmpty() || !publishing.add(jobId)) {
            return Uni.createFrom().item(0);
        }
        return send.apply(pending).map(sent -> {
            synchronized (this) {
                pending.forEach(e -> e.publishedAt = Instant.EPOCH);
            }
            return pending.size();
        }).eventually(() -> {
            synchronized (this) {
                publishing.remove(jobId);
            }
        });
    }

    @Override
    public synchronized Uni<List<String>> jobsWithStaleEvents(Instant olderThan, int limit) {
        return Uni.createFrom().item(events.stream().filter(e -> e.publishedAt == null && e.createdAt.isBefore(olderThan))
                .map(e -> e.jobId).distinct().limit(limit).toList());
    }

    @Override
    public synchronized Uni<List<VpcEndpointJob>> claimDue(Instant now, int limit, int perAccount, Instant leaseUntil) {
        Map<String, Integer> taken = new HashMap<>();
        List<VpcEndpointJob> claimed = due(now).filter(j -> taken.merge(j.account, 1, Integer::sum) <= perAccount)
                .limit(limit).toList();
        claimed.forEach(j -> j.nextAttemptAt = leaseUntil);
        return Uni.createFrom().item(claimed);
    }

    @Override
    public synchronized Uni<List<ManagedEndpoint>> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<ManagedEndpoint> due = managed.values().stream().filter(m -> m.status == ManagedEndpoint.Status.Active
                && m.nextObserveAt != null && !m.nextObserveAt.isAfter(now)).limit(limit).toList();
        due.forEach(m -> m.nextObserveAt = leaseUntil);
        return Uni.createFrom().item(due);
    }

    @Override
    public synchronized Uni<Boolean> busy(String resourceKey) {
        return Uni.createFrom().item(jobs.values().stream()
                .anyMatch(j -> j.endpointKey().equals(resourceKey) && !j.status.isTerminal()));
    }

    @Override
    public synchronized Uni<List<JobEvent>> observed(String resourceKey,
            Function<ManagedEndpoint, List<JobEvent>> change) {
        ManagedEndpoint m = managed.get(resourceKey);
        if (m == null || m.status != ManagedEndpoint.Status.Active) {
            return Uni.createFrom().item(List.of());
        }
        List<JobEvent> raised = change.apply(m);
        events.addAll(raised);
        return Uni.createFrom().item(raised);
    }

    @Override
    public synchronized Uni<List<ManagedService>> claimDueToWatch(Instant now, int limit, Instant leaseUntil) {
        List<ManagedService> due = services.values().stream().filter(m -> m.status == ManagedService.Status.Active
                && m.nextWatchAt != null && !m.nextWatchAt.isAfter(now)).limit(limit).toList();
        due.forEach(m -> m.nextWatchAt = leaseUntil);
        return Uni.createFrom().item(due);
    }

    /** As the database does, without the callbacks (the outbox is the stack's to show). */
    @Override
    public synchronized Uni<List<JobEvent>> watched(String resourceKey,
            Function<ManagedService, List<JobEvent>> change) {
        ManagedService m = services.get(resourceKey);
        if (m == null || m.status != ManagedService.Status.Active) {
            return Uni.createFrom().item(List.of());
        }
        List<JobEvent> raised = change.apply(m);
        events.addAll(raised);
        return Uni.createFrom().item(raised);
    }
}
