package id.modo.verse.common;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Stores an enum as its lowercase name, the way the schema's CHECK constraints spell statuses
 * and roles ({@code 'active'}, {@code 'owner'}). An entity declares a one-line subclass per enum:
 * {@code static class StatusConverter extends LowercaseEnumConverter<Status> { StatusConverter() { super(Status.class); } }}.
 */
public abstract class LowercaseEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected LowercaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable E value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public @Nullable E convertToEntityAttribute(@Nullable String value) {
        return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }
}
