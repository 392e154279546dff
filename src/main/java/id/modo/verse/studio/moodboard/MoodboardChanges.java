package id.modo.verse.studio.moodboard;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.section.StudioImages;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person may set on a moodboard item; null leaves a field as it is, an empty text clears it. The API and the
 * page's form both come through {@link #checked}, so both refuse the same values with the same field names.
 */
public record MoodboardChanges(String description, String aiPrompt, String image, String animationStyle, String colorMood,
        String lighting, List<String> references, String notes, String status) {

    static final int TEXT_MAX = 10_000;
    static final int PROMPT_MAX = 4_000;
    static final int SHORT_MAX = 100;
    static final int REFERENCES_MAX = 20;
    static final int URL_MAX = 2_000;
    private static final Pattern ASSET_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The changes with texts stripped (empty stays empty, to clear), a bare asset id turned into its {@code /media/} reference,
     * or 400 listing every field that is not valid. Pictures must be images of the organization's media library; a reference
     * is such a picture or an absolute http(s) address.
     */
    MoodboardChanges checked(OrganizationId organization, StudioImages images) {
        List<FieldError> errors = new ArrayList<>();
        length(errors, "description", description, TEXT_MAX);
        length(errors, "ai_prompt", aiPrompt, PROMPT_MAX);
        length(errors, "color_mood", colorMood, SHORT_MAX);
        length(errors, "lighting", lighting, SHORT_MAX);
        length(errors, "notes", notes, TEXT_MAX);
        String style = strip(animationStyle);
        if (style != null && !style.isEmpty() && !MoodboardItem.STYLES.contains(style)) {
            errors.add(new FieldError("animation_style", "must be one of " + String.join(", ", MoodboardItem.STYLES)));
        }
        String state = strip(status);
        if (state != null && !List.of(MoodboardItem.PENDING, MoodboardItem.COMPLETED, MoodboardItem.FAILED).contains(state)) {
            errors.add(new FieldError("status", MoodboardItem.GENERATING.equals(state)
                    ? "is set by Generate image while the picture is made" : "must be one of pending, completed, failed"));
        }
        String picture = reference(strip(image));
        if (picture != null && !picture.isEmpty() && !images.isPicture(organization, picture)) {
            errors.add(new FieldError("image", "must be a picture of this organization's media library (/media/{asset_id})"));
        }
        List<String> refs = null;
        if (references != null) {
            refs = new ArrayList<>();
            if (references.size() > REFERENCES_MAX) {
                errors.add(new FieldError("references", "at most " + REFERENCES_MAX + " references"));
            }
            for (int i = 0; i < references.size() && i < REFERENCES_MAX; i++) {
                String value = reference(strip(references.get(i)));
                if (value == null || value.isEmpty()) {
                    continue;
                }
                if (!(StudioImages.isReference(value) ? images.isPicture(organization, value) : webAddress(value))) {
                    errors.add(new FieldError("references[" + i + "]",
                            "must be an http(s) address or a picture of this organization's media library (/media/{asset_id})"));
                }
                refs.add(value);
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new MoodboardChanges(strip(description), strip(aiPrompt), picture, style, strip(colorMood), strip(lighting), refs,
                strip(notes), state);
    }

    static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
    }

    /** The field errors a refused change carried, by field name, for a form to show beside its inputs. */
    static Map<String, String> fieldErrors(ProblemException e) {
        Object errors = e.properties().get("errors");
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        if (errors instanceof List<?> list) {
            for (Object error : list) {
                if (error instanceof FieldError field) {
                    byField.putIfAbsent(field.field().replaceFirst("\\[.*$", ""), field.message());
                }
            }
        }
        return byField;
    }

    private static String reference(String value) {
        return value != null && ASSET_ID.matcher(value).matches() ? "/media/" + value.toLowerCase(java.util.Locale.ROOT) : value;
    }

    private static boolean webAddress(String value) {
        if (value.length() > URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && Optional.ofNullable(uri.getScheme()).filter(s -> s.equals("http") || s.equals("https")).isPresent()
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void length(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
