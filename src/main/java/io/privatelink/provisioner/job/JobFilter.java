package io.privatelink.provisioner.job;

import java.time.Instant;

/**
 * Which jobs a list shows (null: any; {@code owner} null for every caller's), and where the previous page ended: jobs come newest first, by creation time
 * and then JobId, so a page boundary stays put while new jobs arrive.
 */
public record JobFilter(JobOwner owner, JobStatus status, String vpcId, String regionId, String errorCode, Instant createdAfter,
        Instant createdBefore, Instant afterCreatedAt, String afterJobId) {
}
