/**
 * Shared infrastructure that every module may use and that depends on no business module:
 * configuration, the database (embedded or external), web errors as RFC 9457 problems,
 * security headers, request logging, localisation and formatting helpers for pages, outgoing
 * mail ({@link id.modo.verse.common.Mailer}, {@link id.modo.verse.common.MailOutbox}), and what users
 * write as sanitized HTML ({@link id.modo.verse.common.RichText}). It declares no allowed dependency, so
 * {@code ApplicationModules.verify()} refuses any arrow from here to a business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common infrastructure", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package id.modo.verse.common;
