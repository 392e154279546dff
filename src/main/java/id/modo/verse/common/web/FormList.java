package id.modo.verse.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list of texts the API takes as a JSON array and a page form posts as one text box ({@code brand_logos}): a
 * textarea gives one item per line; with {@code commas} a one-line input may separate them by commas as well (colours),
 * which suits only items that never hold one (a URL may). Items are stripped and blank ones dropped, so the record's
 * constraints see the list the API would have been sent and report an item under its index ({@code brand_logos[2]}).
 * Only a single posted value is split; repeated or indexed parameters bind item by item as before. Put it on the
 * request record's component; the API's JSON ignores it.
 */
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FormList {

    /** Commas separate items too. */
    boolean commas() default false;
}
