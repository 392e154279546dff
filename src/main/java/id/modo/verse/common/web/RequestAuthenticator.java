package id.modo.verse.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * How a request proves who sent it. The identity module provides the implementation (bearer
 * tokens for the API, the session cookie for pages); the security filter chain here only asks,
 * so this module depends on no business module.
 */
public interface RequestAuthenticator {

    /**
     * The caller, or empty for an anonymous request. Throws
     * {@link org.springframework.security.authentication.BadCredentialsException} for credentials
     * that were sent but are not valid (expired or revoked token), which answers 401.
     */
    Optional<Authentication> authenticate(HttpServletRequest request);
}
