package id.modo.verse.media;

import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.PrivateFiles;
import id.modo.verse.common.web.LargeUploadPaths;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
class MediaWebConfiguration {

    /**
     * File URLs carry their own authorization (a signature, or a public asset), so they get a chain
     * of their own without the session-cookie sign-in: a page's thumbnails then never touch the
     * session (the main chain's sign-in would rotate the CSRF token under the page's forms). The
     * bytes are not pages: nothing in them may run, load or be framed by another site.
     */
    @Bean
    @Order(0)
    SecurityFilterChain mediaFiles(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/media/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.sameOrigin()))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** The upload endpoints of the API and the media library page take bodies up to modo.media.max-upload-size. */
    @Bean
    LargeUploadPaths mediaUploadPaths() {
        return new LargeUploadPaths(List.of("/api/v1/organizations/*/assets", "/api/v1/projects/*/assets", "/organizations/*/media"));
    }

    /**
     * The servlet's multipart settings, in place of {@code spring.servlet.multipart.*}: limits per
     * servlet follow the largest upload (RequestSizeLimitFilter holds other paths to the normal
     * limit), parts go to disk from the first byte, and they go to the data directory's incoming
     * folder, beside the local store, so taking a part over is a rename rather than a second copy
     * (the container's default temp folder may be another disk, or a small tmpfs).
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MediaProperties properties, ModoProperties modo) {
        Path incoming = modo.dataDir().toAbsolutePath().resolve("media").resolve("incoming");
        try {
            PrivateFiles.createDirectories(incoming); // 0700: the parts Tomcat writes there follow the umask
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload folder " + incoming, e);
        }
        long max = properties.maxUploadSize().toBytes();
        // The request may carry the form's other fields and the part headers besides the file.
        return new MultipartConfigElement(incoming.toString(), max, max + 1024 * 1024, 0);
    }
}
