package id.modo.verse.audit;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An action or entity type as the modules' events write them ({@code member_add}, {@code project_collaborator}): lower-case
 * letters, digits and underscores, starting with a letter, at most {@code max} characters. A filter spelled any other
 * way can match no entry, so the API and the page refuse it instead of answering an empty list. Null or blank is no
 * filter, and spaces around a word are ignored, as {@link AuditLog.Filter} strips them.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AuditWord.Check.class)
@interface AuditWord {

    /** The audit_logs column's length: 100 for the action, 50 for the entity type. */
    int max();

    String message() default "must be lower-case letters, digits and underscores such as member_add, at most {max} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<AuditWord, String> {

        private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]*");
        private int max;

        @Override
        public void initialize(AuditWord annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String word = value == null ? "" : value.strip();
            return word.isEmpty() || word.length() <= max && WORD.matcher(word).matches();
        }
    }
}
