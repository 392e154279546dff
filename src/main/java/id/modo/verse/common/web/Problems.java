package id.modo.verse.common.web;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemType;
import java.util.List;
import org.springframework.http.ProblemDetail;

/** Builds the problem documents the API answers with. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    public static ProblemDetail validation(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(ProblemType.VALIDATION, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** {@code unitPrice} and {@code items[0].unitPrice} as the JSON names {@code unit_price}, {@code items[0].unit_price}. */
    public static String jsonName(String javaPath) {
        StringBuilder out = new StringBuilder(javaPath.length() + 8);
        for (int i = 0; i < javaPath.length(); i++) {
            char c = javaPath.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && javaPath.charAt(i - 1) != '.') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
