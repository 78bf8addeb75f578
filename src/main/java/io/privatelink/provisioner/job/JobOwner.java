package io.privatelink.provisioner.job;

/**
 * Whose a job is: the subject of the caller's token and its tenant ("" when the token names none). A caller's
 * ClientTokens and jobs are its own.
 */
public record JobOwner(String subject, String tenant) {

    public JobOwner {
        subject = subject == null ? "" : subject;
        tenant = tenant == null ? "" : tenant;
    }

    /** The owner of jobs that arrive on a Kafka topic rather than from an authenticated caller. */
    public static JobOwner topic(String topic) {
        return new JobOwner("topic:" + topic, "");
    }
}
