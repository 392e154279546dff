package id.modo.verse.common.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.stereotype.Component;

/**
 * Splits the one posted value of a {@link FormList} component into its items. Spring Boot adds converter beans to
 * MVC's conversion service; every other text-to-list conversion (which splits on commas alone) goes on as before.
 */
@Component
class FormListConverter implements ConditionalGenericConverter {

    private static final Pattern LINES = Pattern.compile("\\R");
    private static final Pattern LINES_OR_COMMAS = Pattern.compile("\\R|,");

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, List.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        TypeDescriptor element = targetType.getElementTypeDescriptor();
        return targetType.hasAnnotation(FormList.class) && (element == null || element.getType() == String.class);
    }

    @Override
    public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        FormList list = targetType.getAnnotation(FormList.class);
        Pattern separator = list != null && list.commas() ? LINES_OR_COMMAS : LINES;
        return Arrays.stream(separator.split((String) source)).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
}
