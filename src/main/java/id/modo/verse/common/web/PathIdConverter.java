package id.modo.verse.common.web;

import java.util.UUID;
import java.util.function.Function;
import org.springframework.core.convert.converter.Converter;

/**
 * Reads a typed id ({@code ProjectId}, {@code OrganizationId} …) from a path or request parameter, so controllers
 * take the id type instead of parsing strings. Each module declares one subclass as a bean for each id of its own;
 * Spring Boot registers every {@link Converter} bean with MVC. Anything but a 36-character UUID fails conversion,
 * which {@link ApiExceptionHandler} answers 400 in the API and 404 on a page, where a malformed id is an address that
 * does not exist.
 */
public abstract class PathIdConverter<T> implements Converter<String, T> {

    private final Function<UUID, T> of;

    protected PathIdConverter(Function<UUID, T> of) {
        this.of = of;
    }

    /** A typed id such as {@code ProjectId}: a record around one UUID, which is what the client sees of it. */
    static boolean isId(Class<?> type) {
        return type.isRecord() && type.getRecordComponents().length == 1 && type.getRecordComponents()[0].getType() == UUID.class;
    }

    @Override
    public T convert(String source) {
        UUID id = ListFilters.pathId(source);
        if (id == null) {
            throw new IllegalArgumentException("Not an id: a UUID is 36 characters");
        }
        return of.apply(id);
    }
}
