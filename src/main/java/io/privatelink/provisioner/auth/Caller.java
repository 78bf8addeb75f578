package io.privatelink.provisioner.auth;

import java.util.Set;

import io.privatelink.provisioner.api.ServiceFunction;
import io.privatelink.provisioner.job.JobOwner;

/** An authenticated caller: whose jobs it makes, and what its roles let it do. */
public record Caller(JobOwner owner, boolean provisioner, boolean auditor) {

    public static final String PROVISIONER = ServiceFunction.PROVISIONER;
    public static final String AUDITOR = ServiceFunction.AUDITOR;

    static Caller of(String subject, String tenant, Set<String> groups) {
        return new Caller(new JobOwner(subject, tenant), groups.contains(PROVISIONER), groups.contains(AUDITOR));
    }

    /** Everyone, when authentication is off for a local experiment. */
    public static Caller anonymous() {
        return new Caller(new JobOwner("anonymous", ""), true, true);
    }

    /** The systems that put requests on a Kafka topic: the broker's ACLs authenticated them. */
    public static Caller topic(String topic) {
        return new Caller(JobOwner.topic(topic), true, false);
    }

    /** Whose jobs this caller reads: its own, or (null) everyone's for an auditor. */
    public JobOwner readScope() {
        return auditor ? null : owner;
    }

    /** Whether this caller may read a job of {@code jobOwner}. */
    public boolean mayRead(JobOwner jobOwner) {
        return auditor || owner.equals(jobOwner);
    }
}
