package io.privatelink.provisioner.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A Deadline in seconds from acceptance, the same bounds on every function that takes one. */
@Min(ParameterForms.MIN_DEADLINE)
@Max(ParameterForms.MAX_DEADLINE)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DeadlineSeconds {

    String message() default ApiErrors.ILLEGAL_DEADLINE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
