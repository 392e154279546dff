package id.modo.verse.studio.section;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.Ui;
import id.modo.verse.studio.character.StudioPartForm;
import id.modo.verse.studio.EditConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/** Builds the part forms of the character and universe pages and reads what they post. */
public final class PartForms {

    private PartForms() {
    }

    /** The inputs of a schema section, valued from {@code values}; {@code preview} turns a picture's reference into a URL. */
    public static List<StudioPartForm.Input> sectionInputs(SectionSchema section, Map<String, String> values, Ui ui,
            java.util.function.Function<String, String> preview) {
        List<StudioPartForm.Input> inputs = new ArrayList<>();
        for (SectionField field : section.fields()) {
            String value = values.getOrDefault(field.key(), "");
            boolean image = field.kind() == SectionField.Kind.IMAGE;
            inputs.add(new StudioPartForm.Input(field.key(), field.label(ui.locale()), value,
                    image ? StudioPartForm.Kind.IMAGE : StudioPartForm.Kind.TEXT, field.maxLength(), List.of(),
                    image && !value.isEmpty() ? preview.apply(value) : null));
        }
        return inputs;
    }

    /** The posted values of a schema section's fields; fields not posted are left out. */
    public static Map<String, Object> sectionValues(SectionSchema section, MultiValueMap<String, String> posted) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SectionField field : section.fields()) {
            String value = posted.getFirst(field.key());
            if (value != null) {
                values.put(field.key(), value);
            }
        }
        return values;
    }

    /** The same inputs holding what the person posted, so a refused save loses none of their text. */
    public static List<StudioPartForm.Input> withPosted(List<StudioPartForm.Input> inputs, MultiValueMap<String, String> posted) {
        return inputs.stream().map(input -> {
            String value = posted.getFirst(input.name());
            return value == null ? input
                    : new StudioPartForm.Input(input.name(), input.label(), value, input.kind(), input.maxLength(), input.choices(),
                            input.preview());
        }).toList();
    }

    public static int baseVersion(MultiValueMap<String, String> posted) {
        try {
            return Math.max(0, Integer.parseInt(String.valueOf(posted.getFirst("base_version")).strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Whether a refused save is shown in the part's form (invalid values, a part the schema no longer has, or someone
     * saving first) rather than as the error page.
     */
    public static boolean refusedInForm(ProblemException problem) {
        return problem instanceof EditConflictException || problem.type() == ProblemType.VALIDATION || problem.type() == ProblemType.CONFLICT;
    }

    /** The form after a refused save: the message, the fields in error, and for a conflict who saved first. */
    public static StudioPartForm refused(StudioPartForm form, ProblemException problem, Ui ui) {
        if (problem instanceof EditConflictException conflict) {
            String name = conflict.savedByName() == null ? "?" : conflict.savedByName();
            return new StudioPartForm(form.id(), form.action(), form.title(), form.inputs(), conflict.currentVersion(), form.savedBy(),
                    form.savedAt(), null, ui.t("sections.part.conflict", name), List.of(), true, form.editable());
        }
        List<String> fields = new ArrayList<>();
        Object errors = problem.properties().get("errors");
        if (errors instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof FieldError fe) {
                    String field = fe.field();
                    fields.add(field.contains(".") ? field.substring(field.indexOf('.') + 1) : field);
                }
            }
        }
        String message = problem.type() == ProblemType.VALIDATION ? ui.t("sections.part.invalid", problem.getMessage()) : problem.getMessage();
        return new StudioPartForm(form.id(), form.action(), form.title(), form.inputs(), form.baseVersion(), form.savedBy(),
                form.savedAt(), null, message, fields, false, form.editable());
    }

    public static StudioPartForm saved(StudioPartForm form, Ui ui) {
        return new StudioPartForm(form.id(), form.action(), form.title(), form.inputs(), form.baseVersion(), form.savedBy(),
                form.savedAt(), ui.t("sections.part.saved", form.baseVersion()), null, List.of(), false, form.editable());
    }

    public static String savedBy(String name, Instant at, Ui ui) {
        return name == null ? null : ui.t("sections.part.saved_by", name, ui.dateTime(at));
    }
}
