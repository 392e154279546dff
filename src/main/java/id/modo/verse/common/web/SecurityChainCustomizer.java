package id.modo.verse.common.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Lets a module add to the main security filter chain (pages and API) without common knowing the
 * module, e.g. identity's OAuth2 sign-in when a provider is configured.
 */
public interface SecurityChainCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
