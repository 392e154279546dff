/**
 * Web infrastructure every module's controllers rely on: RFC 9457 problems, the error pages,
 * security headers, request limits and logging, and the page helper {@link id.modo.verse.common.web.Ui}.
 */
@org.springframework.modulith.NamedInterface("web")
package id.modo.verse.common.web;
