package id.modo.verse.identity;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PasswordPolicyTests {

    private static final String EMAIL = "sari.wulandari@example.id";
    private static final String NAME = "Sari Wulandari";
    private static final String STRONG = "kopi tubruk di Bandung jam 7";

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsAStrongPassword() {
        assertThatCode(() -> policy.check(STRONG, EMAIL, NAME)).doesNotThrowAnyException();
    }

    @Test
    void acceptsWithoutEmailOrNameToCompareWith() {
        assertThatCode(() -> policy.check(STRONG, null, null)).doesNotThrowAnyException();
    }

    @Test
    void refusesSevenCharactersAndAcceptsEight() {
        assertThat(messages(() -> policy.check("x7#kQ2m", EMAIL, NAME))).containsExactly("must be at least 8 characters");
        assertThatCode(() -> policy.check("x7#kQ2mz", EMAIL, NAME)).doesNotThrowAnyException();
    }

    @Test
    void acceptsOneHundredTwentyEightCharactersAndRefusesOneHundredTwentyNine() {
        String max = uncommon(128);
        assertThatCode(() -> policy.check(max, EMAIL, NAME)).doesNotThrowAnyException();
        assertThat(messages(() -> policy.check(max + "q", EMAIL, NAME))).containsExactly("must be at most 128 characters");
    }

    @Test
    void countsCharactersNotBytesNorUtf16Units() {
        // 'é' is 2 bytes in UTF-8; '😀' is 4 bytes and 2 UTF-16 units; each counts as one character
        String eightAccents = "éééééééé";
        String sevenEmoji = "😀".repeat(7);
        assertThat(eightAccents.getBytes(StandardCharsets.UTF_8)).hasSize(16);
        assertThat(sevenEmoji).hasSize(14);
        assertThatCode(() -> policy.check(eightAccents, EMAIL, NAME)).doesNotThrowAnyException();
        assertThat(messages(() -> policy.check(sevenEmoji, EMAIL, NAME))).containsExactly("must be at least 8 characters");
        assertThatCode(() -> policy.check("😀".repeat(8), EMAIL, NAME)).doesNotThrowAnyException();

        String maxEmoji = "😀".repeat(64) + "🐉".repeat(64); // 128 characters, 256 UTF-16 units
        assertThatCode(() -> policy.check(maxEmoji, EMAIL, NAME)).doesNotThrowAnyException();
        assertThat(messages(() -> policy.check(maxEmoji + "🐉", EMAIL, NAME))).containsExactly("must be at most 128 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password", "PASSWORD", "password", "123456789", "qwerty123", "QwErTy123", "iloveyou", "Password1", "TrustNo1"})
    void refusesCommonPasswordsInAnyCase(String password) {
        assertThat(messages(() -> policy.check(password, EMAIL, NAME)))
                .containsExactly("is too common; choose a less predictable password");
    }

    @Test
    void listsEveryBrokenRule() {
        assertThat(messages(() -> policy.check("123456", EMAIL, NAME)))
                .containsExactly("must be at least 8 characters", "is too common; choose a less predictable password");
    }

    @Test
    void shipsAtLeastTenThousandCommonPasswords() throws IOException {
        assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
        List<String> lines;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS)) {
            assertThat(in).isNotNull();
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(10_000)
                .doesNotHaveDuplicates()
                .allSatisfy(line -> assertThat(line).isNotBlank().isEqualTo(line.toLowerCase(Locale.ROOT)).isEqualTo(line.strip()));
        assertThat(lines.subList(0, 5)).containsExactly("123456", "password", "12345678", "qwerty", "123456789");
    }

    @Test
    void refusesTheEmailAddressAndItsLocalPartInAnyCase() {
        String message = "must not be your email address or the part before the @";
        assertThat(messages(() -> policy.check("Sari.Wulandari@Example.ID", EMAIL, NAME))).containsExactly(message);
        assertThat(messages(() -> policy.check("SARI.WULANDARI", EMAIL, NAME))).containsExactly(message);
        assertThatCode(() -> policy.check("sari.wulandari1", EMAIL, NAME)).doesNotThrowAnyException();
    }

    @Test
    void refusesTheNameInAnyCase() {
        assertThat(messages(() -> policy.check("sari wulandari", EMAIL, "  Sari Wulandari ")))
                .containsExactly("must not be your name");
    }

    @Test
    void refusesAMissingPassword() {
        assertThat(messages(() -> policy.check("", EMAIL, NAME))).containsExactly("is required");
        assertThat(messages(() -> policy.check(null, EMAIL, NAME))).containsExactly("is required");
    }

    @Test
    void failsAsAValidationProblemWithFieldErrorsForThePassword() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> policy.check("password", EMAIL, NAME));
        assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(problem.type().status().value()).isEqualTo(400);
        assertThat(problem.getMessage()).isNotBlank();
        assertThat(problem.properties().get("errors"))
                .isEqualTo(List.of(new FieldError("password", "is too common; choose a less predictable password")));
    }

    private static List<String> messages(ThrowingCallable check) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, check);
        assertThat(problem).as("a refused password").isNotNull();
        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) problem.properties().get("errors");
        assertThat(errors).extracting(FieldError::field).containsOnly("password");
        return errors.stream().map(FieldError::message).toList();
    }

    /** A password of the given length that no list holds. */
    private static String uncommon(int length) {
        String pattern = "Gunung Rinjani, 3726 m; ";
        return pattern.repeat(length / pattern.length() + 1).substring(0, length);
    }
}
