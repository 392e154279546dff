package id.modo.verse.common.mail;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import id.modo.verse.common.MailMessage;
import id.modo.verse.common.MailTemplate;
import id.modo.verse.common.ModoProperties;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link MailTemplate} in English or Bahasa Indonesia: the texts are the {@code mail.*}
 * keys of the message bundle, the HTML is {@code src/main/jte/mail/message.jte}.
 */
@Component
public class MailTemplates {

    static final String HTML_TEMPLATE = "mail/message.jte";

    private final MessageSource messages;
    private final TemplateEngine jte;
    private final ModoProperties properties;

    MailTemplates(MessageSource messages, TemplateEngine jte, ModoProperties properties) {
        this.messages = messages;
        this.jte = jte;
        this.properties = properties;
    }

    public MailMessage render(String to, MailTemplate template, @Nullable Locale requested) {
        Locale locale = supported(requested);
        MailContent content = content(template, locale);
        return new MailMessage(to, content.subject(), content.text(), html(content), template.templateName(), locale);
    }

    MailContent content(MailTemplate template, Locale locale) {
        Text text = new Text(locale);
        String link = template.link().toString();
        return switch (template) {
            case MailTemplate.VerifyEmail mail -> text.mail("verify-email", text.greeting(mail.name()),
                    List.of(text.get("mail.verify-email.intro")), link);
            case MailTemplate.PasswordReset mail -> text.mail("password-reset", text.greeting(mail.name()),
                    List.of(text.get("mail.password-reset.intro")), link);
            case MailTemplate.Invitation mail -> text.mail("invitation", text.get("mail.greeting.anonymous"),
                    List.of(text.get("mail.invitation.intro", mail.inviterName(), mail.organizationName(), text.role(mail.role()))),
                    link, mail.inviterName(), mail.organizationName())
                    .withValidity(text.get("mail.invitation.validity", mail.validDays()));
            case MailTemplate.SubscriptionPaymentDue mail -> text.mail("subscription-payment-due", text.get("mail.greeting.anonymous"),
                    List.of(text.get("mail.subscription-payment-due.intro", mail.organizationName(), mail.planName(), mail.invoiceNumber(),
                            mail.amount())), link, mail.organizationName());
        };
    }

    String html(MailContent content) {
        StringOutput output = new StringOutput();
        jte.render(HTML_TEMPLATE, content, output);
        return output.toString();
    }

    /** The requested language if MODO speaks it, else the platform's default language. */
    private Locale supported(@Nullable Locale requested) {
        if (requested != null && ModoProperties.SUPPORTED_LANGUAGES.contains(requested.getLanguage())) {
            return Locale.of(requested.getLanguage());
        }
        return Locale.of(properties.web().defaultLocale().getLanguage());
    }

    private final class Text {

        private final Locale locale;

        Text(Locale locale) {
            this.locale = locale;
        }

        String get(String key, Object... args) {
            return messages.getMessage(key, args.length == 0 ? null : args, locale);
        }

        String greeting(@Nullable String name) {
            return name == null ? get("mail.greeting.anonymous") : get("mail.greeting", name);
        }

        String role(String role) {
            return messages.getMessage("mail.role." + role.toLowerCase(Locale.ROOT), null, role, locale);
        }

        /** A mail of the usual shape: greeting, paragraphs, the link as a button, validity and "ignore" notes. */
        MailContent mail(String name, String greeting, List<String> paragraphs, String link, Object... subjectArgs) {
            String prefix = "mail." + name + ".";
            return new MailContent(locale.getLanguage(), get(prefix + "subject", subjectArgs), greeting, paragraphs,
                    get(prefix + "action"), link, get("mail.link-hint"),
                    List.of(get(prefix + "validity"), get(prefix + "ignore")), get("mail.signature"));
        }
    }
}
