package io.privatelink.provisioner.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A NotificationUrl's form, the same on every operation that takes one. */
@Size(max = ParameterForms.MAX_NOTIFICATION_URL)
@Pattern(regexp = ParameterForms.NOTIFICATION_URL)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotificationUrlForm {

    String message() default ApiErrors.ILLEGAL_NOTIFICATION_URL;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
