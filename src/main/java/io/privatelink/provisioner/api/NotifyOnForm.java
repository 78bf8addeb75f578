package io.privatelink.provisioner.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/** NotifyOn: Terminal or EveryState. */
@Pattern(regexp = ParameterForms.NOTIFY_ON)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotifyOnForm {

    String message() default ApiErrors.ILLEGAL_NOTIFY_ON;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
