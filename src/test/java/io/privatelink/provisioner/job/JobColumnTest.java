package io.privatelink.provisioner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Transient;

import org.junit.jupiter.api.Test;

/** The columns the statements without the ORM read and write are the ones the entity maps, in its order. */
class JobColumnTest {

    /** The entity's column for a field: its @Column name, else the field's name in snake case (Quarkus' naming). */
    static String column(java.lang.reflect.Field field) {
        Column column = field.getAnnotation(Column.class);
        if (column != null && !column.name().isEmpty()) {
            return column.name();
        }
        return field.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void everyColumnOfTheEntityIsDescribedOnceAndNoOther() {
        List<String> mapped = Arrays.stream(VpcEndpointJob.class.getDeclaredFields())
                .filter(f -> java.lang.reflect.Modifier.isPublic(f.getModifiers())
                        && !java.lang.reflect.Modifier.isStatic(f.getModifiers()) && !f.isAnnotationPresent(Transient.class))
                .map(JobColumnTest::column).toList();
        assertEquals(mapped, Arrays.stream(JobColumn.values()).map(c -> c.column).toList());
    }

    @Test
    void aNewJobIsWrittenWithEveryColumnButTheSequences() {
        assertEquals(JobColumn.values().length - 1, JobColumn.WRITTEN.size());
        assertEquals(false, JobColumn.WRITTEN.contains(JobColumn.SEQ));
    }

    @Test
    void aChangedJobIsWrittenWithEveryColumnButTheSequencesTheKeyFirst() {
        assertEquals(JobColumn.JOB_ID, JobColumn.WRITTEN.get(0));
        String update = JobColumn.UPDATE;
        assertEquals(true, update.startsWith("update vpc_endpoint_job set client_token = $2, "), update);
        assertEquals(true, update.endsWith(" where job_id = $1"), update);
        assertEquals(false, update.contains("seq ="), "the sequence's column is never written");
        VpcEndpointJob job = new VpcEndpointJob();
        job.jobId = "job-1";
        job.status = JobStatus.Creating;
        job.createdAt = java.time.Instant.parse("2026-12-06T10:00:00Z");
        List<Object> values = JobColumn.parameters(job);
        assertEquals(JobColumn.WRITTEN.size(), values.size());
        assertEquals("job-1", values.get(0));
        assertEquals("Creating", values.get(JobColumn.WRITTEN.indexOf(JobColumn.STATUS)));
        assertEquals(java.time.OffsetDateTime.parse("2026-12-06T10:00:00Z"),
                values.get(JobColumn.WRITTEN.indexOf(JobColumn.CREATED_AT)));
    }
}
