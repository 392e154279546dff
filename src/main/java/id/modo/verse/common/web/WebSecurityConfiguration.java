package id.modo.verse.common.web;

import id.modo.verse.common.ModoProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Headers and request rules for every response. Pages allow scripts, styles, fonts and images
 * from this origin only, so nothing inline runs and nothing loads from a CDN.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "media-src 'self' blob:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    WebSecurityCustomizer pathFirewall() {
        return web -> web.httpFirewall(new PathFirewall());
    }

    /**
     * Swagger UI's bundle sets inline styles; only its own pages get a policy that allows them.
     * Scripts stay same-origin only.
     */
    @Bean
    @Order(1)
    SecurityFilterChain swaggerUi(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<RequestAuthenticator> authenticators,
            ObjectProvider<SecurityChainCustomizer> customizers, ModoProperties properties) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax")
                .secure(properties.env() == ModoProperties.Environment.PRODUCTION));
        // Browsers are sent to the sign-in page and brought back; API clients get a 401 problem.
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            String path = Requests.originalPath(request);
            if (Requests.wantsHtml(request, path) && "GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                String next = path + (query == null ? "" : "?" + query);
                response.sendRedirect("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
        };
        http
                .authorizeHttpRequests(requests -> requests
                        // The dispatch that ends a stream (a job's server-sent events) comes after the request was
                        // let in, without its credentials; refusing it would break the stream already sent.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/api/v1/auth/**").permitAll()
                        // The plan catalogue is public, as the pricing page is.
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/plans").permitAll()
                        // Launched campaigns are public, as the explore and campaign pages are.
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/campaigns", "/api/v1/campaigns/*",
                                "/api/v1/campaigns/*/updates").permitAll()
                        // Platform admins only: the admin API and pages, and the metrics.
                        .requestMatchers("/api/v1/admin/**", "/admin", "/admin/**", "/actuator/prometheus", "/actuator/prometheus/**")
                                .hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/account", "/account/**", "/dashboard", "/dashboard/**", "/invitations/**",
                                "/organizations/**", "/projects/**", "/jobs/**", "/campaigns/*/invest", "/investments", "/investments/**", "/watch", "/watch/**",
                                "/studio/watch/**").authenticated()
                        .anyRequest().permitAll())
                // No HTTP session on any node: each request carries its credentials (bearer token or session cookie).
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new RequestAuthenticationFilter(authenticators.orderedStream().toList(), unauthorized), AnonymousAuthenticationFilter.class)
                // The API only accepts bearer tokens, which a browser never attaches by itself; pages use the
                // session cookie and need a CSRF token, kept in a cookie so any node can check it. One matcher
                // decides both, so no path takes the cookie without the CSRF check.
                // No CSRF "rotation on authentication": with a stateless chain Spring took every request our filter
                // signs in from the session cookie for a fresh sign-in and cleared the token cookie, so a signed-in
                // page's first load of a script or stylesheet, or a fetch() post (autosave), left its forms with a
                // token that no longer matched: 403 on the next post.
                .csrf(csrf -> csrf.ignoringRequestMatchers(Requests.BEARER_ONLY).csrfTokenRepository(csrfTokens)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> {
                            // Only a refused CSRF token is an expired form; any other 403 is about who may do what.
                            if (e instanceof org.springframework.security.web.csrf.CsrfException) {
                                request.setAttribute(ErrorPageController.KIND, ErrorPageController.CSRF);
                                request.setAttribute(ErrorPageController.DETAIL,
                                        "The form's security token is missing or out of date. Reload the page and send it again.");
                            }
                            response.sendError(HttpServletResponse.SC_FORBIDDEN);
                        }))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        for (SecurityChainCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.customize(http);
        }
        return http.build();
    }
}
