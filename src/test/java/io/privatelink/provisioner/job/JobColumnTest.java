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
}
