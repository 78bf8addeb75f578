package io.privatelink.provisioner.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

/** Each annotation's rule, the order they are checked in, and the records of the API read without surprise. */
class ParameterConstraintsTest {

    record Inner(@NotBlank(message = "Inner.Name") String name) {
    }

    record Sample(
            @NotNull(message = "A.Missing") @Pattern(regexp = "[a-z]+", message = "A.Form") String a,
            @Size(min = 1, max = 2, message = "B.Size") List<@NotNull(message = "B.Null") @Pattern(regexp = "x+",
                    message = "B.Form") String> b,
            @Min(value = 2, message = "C.Low") @Max(value = 5, message = "C.High") Integer c,
            @DeadlineSeconds Integer deadline,
            @Valid Inner inner,
            List<@Valid Inner> inners) {
    }

    record Unknown(@Email(message = "E") String email) {
    }

    record NoCode(@NotNull String a) {
    }

    private static Optional<String> broken(String a, List<String> b, Integer c, Integer deadline, Inner inner,
            List<Inner> inners) {
        return ParameterConstraints.firstBroken(new Sample(a, b, c, deadline, inner, inners));
    }

    @Test
    void eachAnnotationBreaksOnItsOwnValuesAndNullPassesAllButNotNull() {
        assertEquals(Optional.empty(), broken("ab", List.of("x"), 3, 60, new Inner("n"), List.of()));
        assertEquals(Optional.of("A.Missing"), broken(null, null, null, null, null, null));
        assertEquals(Optional.empty(), broken("ab", null, null, null, null, null));
        assertEquals(Optional.of("A.Form"), broken("AB", null, null, null, null, null));
        assertEquals(Optional.of("B.Size"), broken("ab", List.of(), null, null, null, null));
        assertEquals(Optional.of("B.Size"), broken("ab", List.of("x", "x", "x"), null, null, null, null));
        assertEquals(Optional.of("B.Form"), broken("ab", List.of("x", "y"), null, null, null, null));
        assertEquals(Optional.of("B.Null"), broken("ab", Arrays.asList("x", null), null, null, null, null));
        assertEquals(Optional.of("C.Low"), broken("ab", null, 1, null, null, null));
        assertEquals(Optional.of("C.High"), broken("ab", null, 6, null, null, null));
        assertEquals(Optional.of("Inner.Name"), broken("ab", null, null, null, new Inner(" "), null));
        assertEquals(Optional.of("Inner.Name"), broken("ab", null, null, null, null, List.of(new Inner("n"),
                new Inner(""))));
    }

    @Test
    void aComposedConstraintAnswersItsOwnMessage() {
        assertEquals(Optional.of(ApiErrors.ILLEGAL_DEADLINE), broken("ab", null, null, 0, null, null));
        assertEquals(Optional.of(ApiErrors.ILLEGAL_DEADLINE), broken("ab", null, null,
                (int) ParameterForms.MAX_DEADLINE + 1, null, null));
    }

    @Test
    void theFirstParameterInTheRecordsOrderAnswersThenTheFirstElement() {
        assertEquals(Optional.of("A.Form"), broken("AB", List.of("y"), 9, 0, new Inner(""), null));
        assertEquals(Optional.of("B.Null"), broken("ab", Arrays.asList(null, "y"), 9, null, null, null));
        assertEquals(Optional.of("B.Form"), broken("ab", Arrays.asList("y", null), 9, null, null, null));
    }

    @Test
    void aConstraintItDoesNotKnowOrOneWithoutTheApisCodeIsRefusedOutright() {
        assertThrows(IllegalStateException.class, () -> ParameterConstraints.firstBroken(new Unknown("a@b")));
        assertThrows(IllegalStateException.class, () -> ParameterConstraints.firstBroken(new NoCode("a")));
    }

    @Test
    void everyRequestRecordOfTheApiIsRead() throws Exception {
        List<Class<?>> requests = List.of(CreateVpcEndpointRequest.class, UpdateVpcEndpointRequest.class,
                DeleteVpcEndpointRequest.class, AdoptVpcEndpointRequest.class, CancelVpcEndpointJobRequest.class,
                ConnectionDecisionRequest.class, CreateVpcEndpointServiceRequest.class,
                UpdateVpcEndpointServiceRequest.class, DeleteVpcEndpointServiceRequest.class,
                AdoptVpcEndpointServiceRequest.class, ServiceResource.class, AcceptancePolicy.class,
                CreateVpcEndpointRequest.ZoneSpec.class, CreateVpcEndpointRequest.TagSpec.class);
        for (Class<?> type : requests) {
            Constructor<?> canonical = type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                    .map(c -> c.getType()).toArray(Class<?>[]::new));
            Object[] nulls = new Object[canonical.getParameterCount()];
            Record empty = (Record) canonical.newInstance(nulls);
            Optional<String> answer = ParameterConstraints.firstBroken(empty);
            assertTrue(answer.isEmpty() || answer.get().matches("[A-Za-z.]+"), type + ": " + answer);
        }
    }
}
