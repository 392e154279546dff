package id.modo.verse.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Payment providers call the webhook without our credentials (they sign the body instead), so it gets its own
 * filter chain ahead of the main one: open to anyone, no session, no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class PaymentWebhookSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain paymentWebhooks(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/api/v1/payments/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
