/**
 * Shared infrastructure that every module may use and that depends on no business module:
 * configuration, the database (embedded or external), web errors as RFC 9457 problems,
 * security headers, request logging, localisation and formatting helpers for pages, and outgoing
 * mail ({@link id.modo.verse.common.Mailer}, {@link id.modo.verse.common.MailOutbox}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common infrastructure")
package id.modo.verse.common;
