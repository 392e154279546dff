package id.modo.verse.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.BindParam;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class FormBindingTests {

    record Profile(@NotBlank @Size(max = 5) String displayName, Integer episodeCount, @Size(max = 3) String timeZone,
            @BindParam("lang") String preferredLanguage, List<@Size(max = 2) String> brandLogos) {
    }

    record Brand(@FormList List<@Size(max = 19) String> logos, @FormList(commas = true) @Size(max = 3) List<String> palette,
            List<String> tags) {
    }

    private static final LocalValidatorFactoryBean VALIDATOR = new LocalValidatorFactoryBean();

    static {
        VALIDATOR.afterPropertiesSet();
    }

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    private final FormBinding advice = new FormBinding(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());

    @Test
    void aPageFormBindsSnakeCaseNamesAndReportsEveryErrorUnderThem() {
        MockHttpServletRequest request = form("/account/profile");
        request.addParameter("display_name", "Raka Pratama");
        request.addParameter("episode_count", "twelve");
        request.addParameter("time_zone", "Asia/Jakarta");
        request.addParameter("lang", "id");
        request.addParameter("brand_logos", "ok", "too long");

        ServletRequestDataBinder binder = bind(request);

        Profile profile = (Profile) binder.getTarget();
        assertThat(profile).isEqualTo(new Profile("Raka Pratama", null, "Asia/Jakarta", "id", List.of("ok", "too long")));
        BindingResult result = binder.getBindingResult();
        assertThat(result.getFieldErrors()).extracting(error -> error.getField())
                .containsExactlyInAnyOrder("display_name", "episode_count", "time_zone", "brand_logos[1]");
        assertThat(result.getFieldError("episode_count").isBindingFailure()).isTrue();
        assertThat(result.getFieldError("display_name").getCode()).isEqualTo("Size");
        assertThat(result.getFieldError("display_name").getRejectedValue()).isEqualTo("Raka Pratama");
    }

    @Test
    void aValidFormHasNoErrors() {
        MockHttpServletRequest request = form("/account/profile");
        request.addParameter("display_name", "Raka");
        request.addParameter("episode_count", "12");

        ServletRequestDataBinder binder = bind(request);

        assertThat(binder.getBindingResult().hasErrors()).isFalse();
        assertThat(((Profile) binder.getTarget()).episodeCount()).isEqualTo(12);
    }

    @Test
    void theApiKeepsSpringsNames() {
        MockHttpServletRequest request = form("/api/v1/me");
        request.addParameter("display_name", "Raka");
        request.addParameter("displayName", "Raka Pratama");

        ServletRequestDataBinder binder = bind(request);

        assertThat(((Profile) binder.getTarget()).displayName()).isEqualTo("Raka Pratama");
        assertThat(binder.getBindingResult().getFieldErrors()).extracting(error -> error.getField()).containsExactly("displayName");
    }

    @Test
    void aFormListSplitsOneTextIntoItemsByLineOrAlsoByCommaAndLeavesOtherListsAlone() {
        MockHttpServletRequest request = form("/projects/x");
        request.addParameter("logos", " https://a.id/1.png\r\n\r\nhttps://a.id/2,3.png \n");
        request.addParameter("palette", "#111111, #222222\n#333333,,#444444");
        request.addParameter("tags", "a,b");

        ServletRequestDataBinder binder = bind(request, Brand.class);

        Brand brand = (Brand) binder.getTarget();
        assertThat(brand.logos()).containsExactly("https://a.id/1.png", "https://a.id/2,3.png");
        assertThat(brand.palette()).containsExactly("#111111", "#222222", "#333333", "#444444");
        assertThat(brand.tags()).containsExactly("a", "b");
        assertThat(binder.getBindingResult().getFieldErrors()).extracting(error -> error.getField())
                .containsExactlyInAnyOrder("logos[1]", "palette");
    }

    @Test
    void aFormListPostedItemByItemOrEmptyBindsAsItCame() {
        MockHttpServletRequest request = form("/projects/x");
        request.addParameter("logos", "one", "two, three");
        request.addParameter("palette", "");

        Brand brand = (Brand) bind(request, Brand.class).getTarget();

        assertThat(brand.logos()).containsExactly("one", "two, three");
        assertThat(brand.palette()).isEmpty();
    }

    @Test
    void aNamingStrategyThatCannotTranslateANameAloneStopsTheApp() {
        var strategy = new tools.jackson.databind.PropertyNamingStrategy() {
        };
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> FormBinding.naming(strategy))
                .withMessageContaining("Page forms cannot follow");
    }

    private static MockHttpServletRequest form(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("application/x-www-form-urlencoded");
        return request;
    }

    private ServletRequestDataBinder bind(MockHttpServletRequest request) {
        return bind(request, Profile.class);
    }

    private ServletRequestDataBinder bind(MockHttpServletRequest request, Class<?> type) {
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "form");
        binder.setTargetType(ResolvableType.forClass(type));
        // MVC's conversion service, where Spring Boot adds the converter beans.
        DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();
        conversions.addConverter(new FormListConverter());
        binder.setConversionService(conversions);
        binder.setValidator(VALIDATOR);
        advice.bindFormsByWireNames(binder, request);
        binder.construct(request);
        binder.validate();
        return binder;
    }
}
