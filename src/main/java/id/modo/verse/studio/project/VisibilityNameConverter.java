package id.modo.verse.studio.project;

import id.modo.verse.studio.project.ProjectApiController.VisibilityName;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Lets page forms bind {@link VisibilityName} from the values the API's JSON takes ({@code private}, {@code team},
 * {@code public}): the enum's names are upper case, as the lower-case words are Java keywords.
 */
@Component
class VisibilityNameConverter implements Converter<String, VisibilityName> {

    @Override
    public VisibilityName convert(String source) {
        String name = source.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(VisibilityName.values()).filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a visibility: private, team or public"));
    }
}
