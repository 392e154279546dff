/**
 * Outgoing mail behind {@link id.modo.verse.common.Mailer}: the outbox delivery (SMTP, or capture to the
 * log when no SMTP is configured), its retry job and the bilingual mail templates.
 */
@org.jspecify.annotations.NullMarked
package id.modo.verse.common.mail;
