package id.modo.verse.studio.project;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A day that exists, written {@code yyyy-mm-dd} ({@code 2027-02-30} does not); null or empty passes, as the API reads
 * them as "leave" and "clear". A constraint rather than a parse in the controller, so the page form refuses the same.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CalendarDate.Check.class)
@interface CalendarDate {

    String message() default "must be a date, yyyy-mm-dd";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<CalendarDate, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty()) {
                return true;
            }
            try {
                return value.matches("\\d{4}-\\d{2}-\\d{2}") && LocalDate.parse(value) != null;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
