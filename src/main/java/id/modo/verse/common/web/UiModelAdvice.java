package id.modo.verse.common.web;

import id.modo.verse.common.ModoProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Puts the {@link Ui} helper into the model of every page. */
@ControllerAdvice
class UiModelAdvice {

    private final MessageSource messages;
    private final ResourceUrlProvider assets;
    private final ModoProperties properties;
    private final Ui.Memo memo = new Ui.Memo();

    UiModelAdvice(MessageSource messages, ResourceUrlProvider assets, ModoProperties properties) {
        this.messages = messages;
        this.assets = assets;
        this.properties = properties;
    }

    /** The signed-in principal of this request, if the identity module authenticated one. */
    private static java.security.Principal signedIn() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof java.security.Principal principal ? principal : null;
    }

    /** Whether this request's authentication holds ROLE_ADMIN; common knows authorities, not identity's roles. */
    private static boolean platformAdmin() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }

    /**
     * The page helper; null for the API, whose JSON answers have no model to render, so an API call neither
     * builds it nor makes a CSRF token and its cookie (the API signs in with bearer tokens, not cookies).
     */
    @ModelAttribute("ui")
    Ui ui(HttpServletRequest request) {
        if (Requests.isApi(Requests.originalPath(request))) {
            return null;
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            // Loads (and, the first time, sets the cookie of) the deferred token now, while the response headers can still
            // change: a long page flushes its first bytes before its forms ask for the token, and the cookie would be lost.
            csrf.getToken();
        }
        java.security.Principal user = signedIn();
        java.time.ZoneId zone = user instanceof DisplayPreferences preferences
                ? preferences.timeZone().orElse(properties.web().defaultTimeZone())
                : properties.web().defaultTimeZone();
        return new Ui(messages, assets, memo, RequestContextUtils.getLocale(request), zone,
                properties.web().defaultCurrency(), Requests.originalPath(request), request.getQueryString(), csrf, user, platformAdmin());
    }
}
