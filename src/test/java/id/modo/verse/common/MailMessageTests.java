package id.modo.verse.common;

import java.net.URI;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A mail and its template arguments refuse what could break or forge a mail. */
class MailMessageTests {

    @Test
    void aMailNeedsABareRecipientAddressAndAOneLineSubject() {
        assertThat(MailMessage.of(" sari@example.com ", "Hello", "Body").to()).isEqualTo("sari@example.com");
        assertThatIllegalArgumentException().isThrownBy(() -> MailMessage.of("not an address", "Hello", "Body"));
        assertThatIllegalArgumentException().isThrownBy(() -> MailMessage.of("Sari <sari@example.com>", "Hello", "Body"));
        assertThatIllegalArgumentException().isThrownBy(() -> MailMessage.of("a@example.com, b@example.com", "Hello", "Body"));
        assertThatIllegalArgumentException().isThrownBy(() -> MailMessage.of("sari@example.com", "Hello\r\nBcc: x@example.com", "Body"));
        assertThatIllegalArgumentException().isThrownBy(() -> MailMessage.of("sari@example.com", " ", "Body"));
        assertThatIllegalArgumentException().isThrownBy(() -> MailMessage.of("sari@example.com", "x".repeat(501), "Body"));
        assertThatIllegalArgumentException().isThrownBy(() -> MailMessage.of("sari@example.com", "Hello", ""));
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("sari@example.com", "Hello", "Body", null, "Bad Name", null));
    }

    @Test
    void templateArgumentsAreSingleLinesAndLinksAreWebAddresses() {
        var verify = new MailTemplate.VerifyEmail("  Sari\r\nBcc: x@example.com\t", URI.create("https://modo.example/v"));
        assertThat(verify.name()).isEqualTo("Sari Bcc: x@example.com");
        assertThat(verify.templateName()).isEqualTo("verify-email");
        assertThatIllegalArgumentException().isThrownBy(() -> new MailTemplate.VerifyEmail("Sari", URI.create("javascript:alert(1)")));
        assertThatIllegalArgumentException().isThrownBy(() -> new MailTemplate.VerifyEmail("Sari", URI.create("/relative")));
        assertThatIllegalArgumentException().isThrownBy(() -> new MailTemplate.VerifyEmail(" ", URI.create("https://modo.example/v")));
        assertThat(new MailTemplate.PasswordReset(" ", URI.create("http://localhost:8080/r")).name()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() ->
                new MailTemplate.Invitation("A", "B", null, URI.create("https://modo.example/i")));
    }
}
