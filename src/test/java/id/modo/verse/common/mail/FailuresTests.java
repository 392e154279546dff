package id.modo.verse.common.mail;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code last_error} keeps of a failure: the cause chain in one bounded line, no password. */
class FailuresTests {

    @Test
    void theCauseChainInOneLine() {
        var failure = new IllegalStateException("outer\nline", new java.net.ConnectException("Connection refused"));
        assertThat(Failures.describe(failure))
                .isEqualTo("IllegalStateException: outer line <- ConnectException: Connection refused");
    }

    @Test
    void longDescriptionsAreCut() {
        assertThat(Failures.describe(new RuntimeException("x".repeat(5000)))).hasSize(Failures.MAX_LENGTH);
    }

    @Test
    void theSmtpPasswordNeverReachesTheError() {
        MailProperties properties = new MailProperties("smtp.example.com", 587, "modo", "s3cret-pass",
                "MODO <no-reply@modo.local>", true);
        SmtpTransport transport = new SmtpTransport(new JavaMailSenderImpl(), properties);
        String error = transport.describe(new MailAuthenticationException("535 login modo/s3cret-pass rejected"));
        assertThat(error).contains("535 login modo/[redacted] rejected").doesNotContain("s3cret-pass");
    }
}
