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

    record Repeated(@Pattern(regexp = "a+", message = "R") @Pattern(regexp = ".{1,3}", message = "R") String a) {
    }

    record ValidOnTheList(@Valid List<Inner> inners) {
    }

    record Notified(@NotificationUrlForm String url, @NotifyOnForm String on) {
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
    void theApisComposedFormsOfNotificationsAnswerTheirCodes() {
        assertEquals(Optional.empty(), ParameterConstraints.firstBroken(new Notified("https://hooks.example.com/x",
                "Terminal")));
        assertEquals(Optional.of(ApiErrors.ILLEGAL_NOTIFY_ON), ParameterConstraints.firstBroken(
                new Notified(null, "Sometimes")));
        assertEquals(Optional.of(ApiErrors.ILLEGAL_NOTIFICATION_URL), ParameterConstraints.firstBroken(
                new Notified("ftp://hooks.example.com", null)));
        assertEquals(Optional.of(ApiErrors.ILLEGAL_NOTIFICATION_URL), ParameterConstraints.firstBroken(
                new Notified("https://" + "h".repeat(ParameterForms.MAX_NOTIFICATION_URL), null)));
    }

    @Test
    void blankIsWhatTrimLeavesEmptyAsHibernateValidatorHadIt() {
        assertEquals(Optional.of("Inner.Name"), ParameterConstraints.firstBroken(new Inner(" \t")));
        assertEquals(Optional.empty(), ParameterConstraints.firstBroken(new Inner("\u3000")));
    }

    @Test
    void aConstraintItDoesNotReadIsRefusedOutrightNotSkipped() {
        assertThrows(IllegalStateException.class, () -> ParameterConstraints.firstBroken(new Unknown("a@b")));
        assertThrows(IllegalStateException.class, () -> ParameterConstraints.firstBroken(new NoCode("a")));
        assertThrows(IllegalStateException.class, () -> ParameterConstraints.firstBroken(new Repeated("a")));
        assertThrows(IllegalStateException.class, () -> ParameterConstraints.firstBroken(
                new ValidOnTheList(List.of())));
    }

    @Test
    void everyFunctionsRequestAndTheRecordsInItAreRead() throws Exception {
        java.util.Set<Class<?>> records = new java.util.LinkedHashSet<>();
        for (ServiceFunction f : ServiceFunction.values()) {
            collect(f.requestType(), records);
        }
        assertTrue(records.contains(CreateVpcEndpointRequest.ZoneSpec.class) && records.contains(AcceptancePolicy.class),
                "nested records are reached: " + records);
        for (Class<?> type : records) {
            Constructor<?> canonical = type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                    .map(c -> c.getType()).toArray(Class<?>[]::new));
            Record empty = (Record) canonical.newInstance(new Object[canonical.getParameterCount()]);
            // A parameter its record requires answers a code of the API's one table of rules.
            ParameterConstraints.firstBroken(empty).ifPresent(code -> assertEquals(400, ApiErrors.rule(code).httpStatus()));
        }
    }

    /** The record and every record its parameters hold, alone or in a list (a function without input has none). */
    private static void collect(Class<?> type, java.util.Set<Class<?>> records) {
        if (type == null || !type.isRecord() || !records.add(type)) {
            return;
        }
        for (var c : type.getRecordComponents()) {
            collect(c.getType(), records);
            if (c.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                collect(element, records);
            }
        }
    }
}
