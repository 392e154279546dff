package id.modo.verse.common.web;

import id.modo.verse.common.ModoProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The page language: the {@code modo_lang} cookie set by the language switch ({@code ?lang=id}),
 * else the best supported match of {@code Accept-Language}, else {@code modo.web.default-locale}.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "modo_lang";
    static final String PARAMETER = "lang";

    private final ModoProperties properties;
    private final CookieLocaleResolver resolver;

    LocaleConfiguration(ModoProperties properties) {
        this.properties = properties;
        this.resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieSecure(properties.env() == ModoProperties.Environment.PRODUCTION);
        resolver.setDefaultLocaleFunction(this::fromAcceptLanguage);
    }

    @Bean
    LocaleResolver localeResolver() {
        return resolver;
    }

    private Locale fromAcceptLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            // Without the header the container offers its own locale, which says nothing about the visitor.
            return Locale.of(properties.web().defaultLocale().getLanguage());
        }
        var preferred = request.getLocales();
        while (preferred.hasMoreElements()) {
            String language = preferred.nextElement().getLanguage();
            if (ModoProperties.SUPPORTED_LANGUAGES.contains(language)) {
                return Locale.of(language);
            }
        }
        return Locale.of(properties.web().defaultLocale().getLanguage());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                // Not on the error page's dispatch: a query refused for bytes that are not UTF-8 is still the request's,
                // and reading it again would fail the error page itself.
                if (request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
                    return true;
                }
                String language = request.getParameter(PARAMETER);
                if (language != null) {
                    language = language.strip().toLowerCase(Locale.ROOT);
                    if (ModoProperties.SUPPORTED_LANGUAGES.contains(language)) {
                        resolver.setLocale(request, response, Locale.of(language));
                    }
                }
                return true;
            }
        }).excludePathPatterns("/api/**");
    }
}
