package io.privatelink.provisioner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

import org.junit.jupiter.api.Test;

/** The statements written without the ORM name the columns the entities map, the key first, and take their values. */
class EntityColumnsTest {

    /** An entity as Panache leaves it in the running service: its mapped fields protected, the enhancer's transient. */
    static class Enhanced {
        static final String NOT_A_COLUMN = "x";
        @Id
        @GeneratedValue
        public Long id;
        protected String jobId;
        @Column(name = "happened_at")
        protected Instant at;
        protected JobStatus status;
        protected int tries;
        @Transient
        public String note;
        private transient Object $$_hibernate_tracker;
    }

    @Test
    void aPanacheEntitysProtectedFieldsAreItsColumnsAndTheEnhancersAreNot() {
        EntityColumns<Enhanced> columns = EntityColumns.of("t", Enhanced.class, Enhanced::new);
        assertEquals(List.of("id", "job_id", "happened_at", "status", "tries"), columns.names());
        assertEquals("insert into t (job_id, happened_at, status, tries) values ($1, $2, $3, $4) returning id",
                columns.insert());
        Enhanced e = new Enhanced();
        e.jobId = "job-1";
        e.at = Instant.parse("2026-12-06T10:00:00Z");
        e.status = JobStatus.Creating;
        e.tries = 3;
        assertEquals(Arrays.asList("job-1", OffsetDateTime.of(2026, 12, 6, 10, 0, 0, 0, ZoneOffset.UTC), "Creating", 3),
                columns.parameters(e));
    }

    @Test
    void aManagedEndpointIsWrittenOverTheOneUnderItsKey() {
        String upsert = EntityColumns.ENDPOINT.upsert();
        assertEquals(true, upsert.startsWith("insert into managed_endpoint (resource_key, account, "), upsert);
        assertEquals(true, upsert.contains(" on conflict (resource_key) do update set account = excluded.account, "),
                upsert);
        assertEquals(false, upsert.contains("resource_key = excluded"), upsert);
    }

    @Test
    void generatedKeysAreReadButNotWritten() {
        assertEquals("id", EntityColumns.HISTORY.names().get(0));
        assertEquals("insert into vpc_endpoint_job_history (job_id, job_status, at, detail) values ($1, $2, $3, $4)"
                + " returning id", EntityColumns.HISTORY.insert());
    }
}
