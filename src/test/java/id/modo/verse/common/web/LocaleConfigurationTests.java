package id.modo.verse.common.web;

import id.modo.verse.common.ModoProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class LocaleConfigurationTests {

    private final LocaleConfiguration indonesianByDefault = new LocaleConfiguration(properties("id"));

    @Test
    void withoutAcceptLanguageTheConfiguredDefaultApplies() {
        assertThat(indonesianByDefault.localeResolver().resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.of("id"));
    }

    @Test
    void aSupportedLanguageInAcceptLanguageWins() {
        var request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "fr-FR,en;q=0.8");
        request.addPreferredLocale(Locale.ENGLISH);
        request.addPreferredLocale(Locale.FRANCE);
        assertThat(indonesianByDefault.localeResolver().resolveLocale(request)).isEqualTo(Locale.of("en"));
    }

    @Test
    void onlyUnsupportedLanguagesFallBackToTheDefault() {
        var request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "fr-FR");
        request.addPreferredLocale(Locale.FRANCE);
        assertThat(indonesianByDefault.localeResolver().resolveLocale(request)).isEqualTo(Locale.of("id"));
    }

    private static ModoProperties properties(String defaultLanguage) {
        return new ModoProperties(ModoProperties.Environment.TEST, Path.of("data"), "http://localhost:8080",
                new ModoProperties.Db("", "", "", 0, 10),
                new ModoProperties.Web(DataSize.ofMegabytes(1), Locale.of(defaultLanguage), ZoneId.of("Asia/Jakarta"), Currency.getInstance("IDR"), java.util.List.of()),
                new ModoProperties.Events(Duration.ofDays(7), Duration.ofHours(1)));
    }
}
