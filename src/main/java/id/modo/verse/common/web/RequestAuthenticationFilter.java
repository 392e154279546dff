package id.modo.verse.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Asks each {@link RequestAuthenticator} who sent the request, on every request: there is no server-side HTTP session. */
class RequestAuthenticationFilter extends OncePerRequestFilter {

    private final List<RequestAuthenticator> authenticators;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    RequestAuthenticationFilter(List<RequestAuthenticator> authenticators, AuthenticationEntryPoint entryPoint) {
        this.authenticators = authenticators;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            for (RequestAuthenticator authenticator : authenticators) {
                Optional<Authentication> authentication = authenticator.authenticate(request);
                if (authentication.isPresent()) {
                    SecurityContext context = contexts.createEmptyContext();
                    context.setAuthentication(authentication.get());
                    contexts.setContext(context);
                    break;
                }
            }
        } catch (AuthenticationException e) {
            contexts.clearContext();
            entryPoint.commence(request, response, e);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
