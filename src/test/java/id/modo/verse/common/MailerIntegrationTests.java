package id.modo.verse.common;

import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestSmtp;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Mail as modules send it: queued in the caller's transaction, delivered by SMTP (GreenMail, see
 * {@link TestSmtp}) only after the commit, written in English or Bahasa Indonesia.
 */
@IntegrationTest
class MailerIntegrationTests {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired
    Mailer mailer;
    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aMailQueuedInACommittedTransactionArrivesByEmailInEnglish() throws Exception {
        String to = recipient();
        URI link = URI.create("https://modo.example/verify?token=abc&lang=en");
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                mailer.send(to, new MailTemplate.VerifyEmail("Sari <Dewi> & Co", link), Locale.ENGLISH));

        MimeMessage mail = awaitOneMailTo(to);
        assertThat(mail.getSubject()).isEqualTo("Confirm your email address");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("no-reply@modo.local");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("MODO Creator Verse");
        String text = TestSmtp.text(mail);
        assertThat(text).startsWith("Hi Sari <Dewi> & Co,")
                .contains("Welcome to MODO Creator Verse!")
                .contains("Confirm my email address:\n" + link)
                .contains("This link is valid for 24 hours.")
                .contains("If you did not create an account");
        String html = TestSmtp.html(mail);
        assertThat(html).contains("<html lang=\"en\">")
                .contains("Hi Sari &lt;Dewi&gt; &amp; Co,")
                .doesNotContain("<Dewi>")
                .contains("href=\"https://modo.example/verify?token=abc&amp;lang=en\"")
                .contains("This link is valid for 24 hours.");

        OutboxMail row = rowTo(to);
        assertThat(row.status()).isEqualTo(OutboxMail.Status.SENT);
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isNull();
        assertThat(row.template()).isEqualTo("verify-email");
        assertThat(row.locale()).isEqualTo("en");
        assertThat(row.textBody()).isEqualTo(text);
    }

    @Test
    void passwordResetAndInvitationArriveInBahasaIndonesia() throws Exception {
        String resetTo = recipient();
        String inviteTo = recipient();
        Locale indonesian = Locale.forLanguageTag("id-ID");
        mailer.send(resetTo, new MailTemplate.PasswordReset("Budi", URI.create("https://modo.example/reset/xyz")), indonesian);
        mailer.send(inviteTo, new MailTemplate.Invitation("Budi Santoso", "Studio Garuda", "owner",
                URI.create("https://modo.example/invitations/123")), indonesian);

        MimeMessage reset = awaitOneMailTo(resetTo);
        assertThat(reset.getSubject()).isEqualTo("Atur ulang kata sandi Anda");
        assertThat(TestSmtp.text(reset)).startsWith("Halo Budi,")
                .contains("Buat kata sandi baru:\nhttps://modo.example/reset/xyz")
                .contains("Tautan ini berlaku selama 1 jam.")
                .contains("Jika Anda tidak memintanya, abaikan email ini");
        assertThat(TestSmtp.html(reset)).contains("<html lang=\"id\">").contains("Tautan ini berlaku selama 1 jam.");

        MimeMessage invitation = awaitOneMailTo(inviteTo);
        assertThat(invitation.getSubject()).isEqualTo("Budi Santoso mengundang Anda ke Studio Garuda di MODO Creator Verse");
        assertThat(TestSmtp.text(invitation))
                .contains("Budi Santoso mengundang Anda untuk bergabung dengan Studio Garuda di MODO Creator Verse sebagai pemilik.")
                .contains("https://modo.example/invitations/123")
                .contains("Undangan ini berlaku selama 7 hari.");
        assertThat(rowTo(inviteTo).locale()).isEqualTo("id");
    }

    @Test
    void aLanguageMODODoesNotSpeakFallsBackToTheDefaultAndAPasswordResetMayHaveNoName() {
        MailMessage mail = mailer.render(recipient(),
                new MailTemplate.PasswordReset(null, URI.create("https://modo.example/reset/1")), Locale.FRENCH);
        assertThat(mail.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(mail.subject()).isEqualTo("Reset your password");
        assertThat(mail.text()).startsWith("Hello,\n")
                .contains("This link is valid for 1 hour.")
                .contains("If you did not ask for this, ignore this email");
        MailMessage invitation = mailer.render(recipient(), new MailTemplate.Invitation("Ayu", "Org", "producer",
                URI.create("https://modo.example/i")), Locale.ENGLISH);
        assertThat(invitation.text()).contains("Ayu invited you to join Org on MODO Creator Verse as producer.")
                .contains("This invitation is valid for 7 days.");
        // The validity follows modo.organization.invitation-validity, not a fixed text.
        assertThat(mailer.render(recipient(), new MailTemplate.Invitation("Ayu", "Org", "editor", URI.create("https://modo.example/i"), 3),
                Locale.of("id")).text()).contains("Undangan ini berlaku selama 3 hari.");
    }

    @Test
    void aMailQueuedInARolledBackTransactionLeavesNoRowAndIsNeverSent() {
        String to = recipient();
        String delivered = recipient();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            mailer.send(MailMessage.of(to, "Never", "This registration is rolled back."));
            status.setRollbackOnly();
        });
        // A mail committed afterwards has gone through the same delivery; the rolled-back one never existed.
        mailer.send(MailMessage.of(delivered, "Committed", "This one is sent."));
        awaitOneMailTo(delivered);

        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(to).query(Long.class).single()).isZero();
        assertThat(TestSmtp.get().messagesTo(to)).isEmpty();
    }

    @Test
    void theOutboxListsTheNewestMailsFirstPageByPage() {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            recipients.add(recipient());
            mailer.send(MailMessage.of(recipients.getLast(), "Page " + i, "Mail " + i));
        }
        // Three more in one transaction: the same created_at, told apart by id.
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int i = 3; i < 6; i++) {
                recipients.add(recipient());
                mailer.send(MailMessage.of(recipients.getLast(), "Page " + i, "Mail " + i));
            }
        });

        List<OutboxMail> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<OutboxMail> page = outbox.newest(2, cursor);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && seen.stream().filter(mail -> recipients.contains(mail.recipient())).count() < 6);

        List<String> ours = seen.stream().map(OutboxMail::recipient).filter(recipients::contains).toList();
        assertThat(ours).hasSize(6).doesNotHaveDuplicates();
        assertThat(ours.subList(3, 6)).containsExactly(recipients.get(2), recipients.get(1), recipients.get(0));
        assertThat(ours.subList(0, 3)).containsExactlyInAnyOrderElementsOf(recipients.subList(3, 6));
        Set<UUID> ids = new HashSet<>();
        for (int i = 1; i < seen.size(); i++) {
            OutboxMail before = seen.get(i - 1);
            OutboxMail after = seen.get(i);
            assertThat(ids.add(after.id())).isTrue();
            assertThat(after.createdAt().isAfter(before.createdAt())).as("newest first").isFalse();
        }
        OutboxMail first = seen.getFirst();
        assertThat(outbox.find(first.id())).contains(first);
        assertThat(outbox.newest(0, null).items()).hasSize(1);
        assertThat(outbox.newest(1000, null).items()).hasSizeLessThanOrEqualTo(Keyset.MAX_LIMIT);
    }

    @Test
    void aCursorTheOutboxDidNotMakeIsABadRequest() {
        assertThatThrownBy(() -> outbox.newest(20, "not-a-cursor"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("cursor");
    }

    private MimeMessage awaitOneMailTo(String to) {
        await().atMost(DELIVERY).until(() -> !TestSmtp.get().messagesTo(to).isEmpty());
        await().atMost(DELIVERY).until(() -> rowTo(to).status() == OutboxMail.Status.SENT);
        List<MimeMessage> mails = TestSmtp.get().messagesTo(to);
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    private OutboxMail rowTo(String to) {
        UUID id = jdbc.sql("select id from mail_outbox where recipient = ?").param(to).query(UUID.class).single();
        return outbox.find(id).orElseThrow();
    }

    static String recipient() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
