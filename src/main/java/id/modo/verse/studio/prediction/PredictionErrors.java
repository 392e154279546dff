package id.modo.verse.studio.prediction;

import id.modo.verse.common.web.Ui;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;

/**
 * The prediction form's field errors in the reader's language. The API answers the validator's and the service's
 * English words; the page says the same from its bundle, by the constraint that failed or the service's rule.
 */
final class PredictionErrors {

    static final String WHOLE = "must be a whole number";
    private static final String ONE_OF = "must be one of ";
    private static final String ABOVE_ZERO = "must be above 0";

    private PredictionErrors() {
    }

    static String of(ConstraintViolation<?> violation, Ui ui) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        return switch (constraint) {
            case NotNull ignored -> ui.t("prediction.error.required");
            case Min min -> ui.t("prediction.error.min", String.valueOf(min.value()));
            case Max max -> ui.t("prediction.error.max", String.valueOf(max.value()));
            case Size size -> ui.t("prediction.error.size", String.valueOf(size.max()));
            case Pattern pattern -> ui.t(PredictionRequest.AMOUNT.equals(pattern.regexp()) ? "prediction.error.amount" : "prediction.error.code");
            default -> violation.getMessage();
        };
    }

    /** A message of the form's parsing or of the service's checks; one it does not know stays as it is. */
    static String of(String message, Ui ui) {
        if (WHOLE.equals(message)) {
            return ui.t("prediction.error.whole");
        }
        if (ABOVE_ZERO.equals(message)) {
            return ui.t("prediction.error.positive");
        }
        if (message != null && message.startsWith(ONE_OF)) {
            return ui.t("prediction.error.one_of", message.substring(ONE_OF.length()));
        }
        return message;
    }
}
