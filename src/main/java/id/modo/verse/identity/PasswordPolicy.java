package id.modo.verse.identity;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a new password must be (OWASP ASVS 5.0, chapter V6): 8 to 128 characters, not one of the
 * 10,000 most common passwords, and not the account's own email address, the part of it before
 * the {@code @}, or its name. Characters are Unicode code points, so an emoji counts as one.
 * No composition rules (digits, symbols, upper case): ASVS and NIST SP 800-63B advise against them.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    /** One password a line, lowercase; provenance and license in {@code common-passwords.NOTICE}. */
    static final String COMMON_PASSWORDS = "identity/common-passwords.txt";

    private static final String FIELD = "password";

    private final Set<String> commonPasswords;

    PasswordPolicy() {
        this.commonPasswords = load(COMMON_PASSWORDS);
    }

    /**
     * Accepts the password or throws a {@link ProblemType#VALIDATION} problem whose {@code errors}
     * list every rule it breaks, each for the field {@code password}.
     *
     * @param email the account's email address, or {@code null} when not known
     * @param name the account's display name, or {@code null} when not known
     */
    void check(String password, String email, String name) {
        List<FieldError> errors = problems(password, email, name);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The password does not meet the password rules.",
                    Map.of("errors", errors));
        }
    }

    private List<FieldError> problems(String password, String email, String name) {
        if (password == null || password.isEmpty()) {
            return List.of(new FieldError(FIELD, "is required"));
        }
        List<FieldError> errors = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            errors.add(new FieldError(FIELD, "must be at least " + MIN_LENGTH + " characters"));
        } else if (length > MAX_LENGTH) {
            errors.add(new FieldError(FIELD, "must be at most " + MAX_LENGTH + " characters"));
        }
        if (isCommon(password)) {
            errors.add(new FieldError(FIELD, "is too common; choose a less predictable password"));
        }
        if (email != null && !email.isBlank()) {
            String address = email.strip();
            int at = address.lastIndexOf('@');
            String localPart = at > 0 ? address.substring(0, at) : address;
            if (password.equalsIgnoreCase(address) || password.equalsIgnoreCase(localPart)) {
                errors.add(new FieldError(FIELD, "must not be your email address or the part before the @"));
            }
        }
        if (name != null && !name.isBlank() && password.equalsIgnoreCase(name.strip())) {
            errors.add(new FieldError(FIELD, "must not be your name"));
        }
        return errors;
    }

    /** Whether the password is on the common list, ignoring case. */
    boolean isCommon(String password) {
        return commonPasswords.contains(password.toLowerCase(Locale.ROOT));
    }

    int commonPasswordCount() {
        return commonPasswords.size();
    }

    private static Set<String> load(String resource) {
        InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + resource);
        }
        Set<String> passwords = new HashSet<>(16_384);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty()) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return Set.copyOf(passwords);
    }
}
