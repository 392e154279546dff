package id.modo.verse.common.mail;

import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.OutboxMail;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** What a captured mail leaves in the log: its whole text while developing, no link or token in production. */
@ExtendWith(OutputCaptureExtension.class)
class LogTransportTests {

    private static final String TOKEN = "t0k3n-3xAmPlE-0nE-t1mE";
    private static final MailTransport.Outgoing MAIL = new MailTransport.Outgoing(UUID.randomUUID(), "sari@kancil.demo",
            "Reset your password", "Hi Sari,\n\nChoose a new password:\nhttps://modo.example/reset-password?token=" + TOKEN
            + "\n\nThis link is valid for 1 hour.\n", "<p>Hi Sari, <a href=\"https://modo.example/reset-password?token=" + TOKEN
            + "\">choose a new password</a></p>");

    @Test
    void inProductionTheLogSaysAMailWasCapturedAndWhereAdminsReadItButNotItsLinks(CapturedOutput output) {
        OutboxMail.Status status = new LogTransport(modo(ModoProperties.Environment.PRODUCTION)).deliver(MAIL);

        assertThat(status).isEqualTo(OutboxMail.Status.CAPTURED);
        assertThat(output.getOut())
                .contains(LogTransport.CAPTURED)
                .contains("\"Reset your password\" to s***@kancil.demo")
                .contains("platform admins read it at https://modo.example/admin/mail/" + MAIL.id())
                .doesNotContain(TOKEN)
                .doesNotContain("reset-password")
                .doesNotContain("Hi Sari")
                .doesNotContain("sari@kancil.demo");
    }

    @Test
    void whileDevelopingTheWholeTextIsLoggedSoTheLinksCanBeFollowed(CapturedOutput output) {
        new LogTransport(modo(ModoProperties.Environment.DEVELOPMENT)).deliver(MAIL);

        assertThat(output.getOut())
                .contains(LogTransport.CAPTURED)
                .contains("To: sari@kancil.demo")
                .contains("Subject: Reset your password")
                .contains("Choose a new password:\nhttps://modo.example/reset-password?token=" + TOKEN);
    }

    @Test
    void recipientsAreMaskedToTheirFirstLetterAndDomain() {
        assertThat(LogTransport.masked("budi@kancil.demo")).isEqualTo("b***@kancil.demo");
        assertThat(LogTransport.masked("x@y")).isEqualTo("x***@y");
        assertThat(LogTransport.masked("no-at-sign")).isEqualTo("***");
        assertThat(LogTransport.masked("@example.com")).isEqualTo("***");
    }

    private static ModoProperties modo(ModoProperties.Environment env) {
        return new ModoProperties(env, Path.of("data"), "https://modo.example",
                new ModoProperties.Db("", "", "", 0, 10),
                new ModoProperties.Web(DataSize.ofMegabytes(1), Locale.ENGLISH, ZoneId.of("Asia/Jakarta"), Currency.getInstance("IDR"), java.util.List.of()),
                new ModoProperties.Events(Duration.ofDays(7), Duration.ofHours(1)));
    }
}
