package id.modo.verse.studio.universe;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.VersionedContent;
import id.modo.verse.studio.section.PartText;
import id.modo.verse.studio.section.SectionField;
import id.modo.verse.studio.section.SectionValues;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Writes a restored version of a universe's part back to the universe. */
@Component
class UniverseParts implements VersionedContent {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final UniverseRows rows;
    private final Clock clock;
    private final MessageSource messages;

    UniverseParts(UniverseRows rows, Clock clock, MessageSource messages) {
        this.rows = rows;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String entityType() {
        return Universes.ENTITY_TYPE;
    }

    @Override
    public Section accessSection() {
        return Section.UNIVERSE;
    }

    @Override
    public void apply(ProjectId project, UUID entityId, String part, String content) {
        Universe universe = rows.findInProject(project.value(), entityId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "The universe of this version no longer exists."));
        Map<String, Object> values = JSON.readValue(content, MAP);
        if (Universes.DETAILS.equals(part)) {
            rows.writeDetails(universe.id(), string(values.get("name")), string(values.get("description")), clock.instant());
        } else {
            UniverseSection section = UniverseSection.byKey(part)
                    .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, "A universe has no part " + part + "."));
            // A version saved before a field left the schema would not pass today's check: refuse rather than store it.
            rows.writeSection(universe.id(), section, SectionValues.check(section, values), clock.instant());
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** A part as labelled paragraphs with the labels its form shows (in English, as the story's parts read). */
    @Override
    public String readable(String part, String content) {
        return PartText.readable(content, field -> UniverseSection.byKey(part)
                .map(section -> section.field(field).map(SectionField::labelEn).orElse(null))
                .orElseGet(() -> messages.getMessage("universe.field." + field, null, null, Locale.ENGLISH)));
    }

    @Override
    public String typeLabel(Locale locale) {
        return messages.getMessage("studio.tab.universe", null, null, locale);
    }

    /** The titles the universe page gives its part forms: the overview and each schema section. */
    @Override
    public String sectionLabel(String section, Locale locale) {
        if (Universes.DETAILS.equals(section)) {
            return messages.getMessage("universe.part.details", null, null, locale);
        }
        return UniverseSection.byKey(section).map(s -> s.label(locale)).orElse(null);
    }
}
