package id.modo.verse.studio.character;

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

/**
 * A character's parts as the version history stores them (JSON text, members in schema order so
 * the word diff of two versions lines up), and the restore that writes an older part back.
 */
@Component
class CharacterParts implements VersionedContent {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final CharacterRows rows;
    private final Clock clock;
    private final MessageSource messages;

    CharacterParts(CharacterRows rows, Clock clock, MessageSource messages) {
        this.rows = rows;
        this.messages = messages;
        this.clock = clock;
    }

    String profileJson(CharacterProfile profile) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", profile.name());
        out.put("role", profile.role() == null ? null : profile.role().dbValue());
        out.put("archetype", profile.archetype());
        out.put("cast_reference", profile.castReference());
        return JSON.writeValueAsString(out);
    }

    String arcJson(CharacterArc arc) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("character_arc", arc.characterArc());
        out.put("transformation", arc.transformation());
        return JSON.writeValueAsString(out);
    }

    String sectionJson(Map<String, String> values) {
        return JSON.writeValueAsString(values);
    }

    @Override
    public String entityType() {
        return Characters.ENTITY_TYPE;
    }

    @Override
    public Section accessSection() {
        return Section.CHARACTERS;
    }

    @Override
    public void apply(ProjectId project, UUID entityId, String part, String content) {
        StoryCharacter character = rows.findInProject(project.value(), entityId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "The character of this version has been deleted."));
        Map<String, Object> values = JSON.readValue(content, MAP);
        if (Characters.PROFILE.equals(part)) {
            rows.writeProfile(character.id(), new CharacterProfile(string(values.get("name")),
                    CharacterRole.fromDb(string(values.get("role"))).orElse(null),
                    string(values.get("archetype")), string(values.get("cast_reference"))), clock.instant());
        } else if (Characters.ARC.equals(part)) {
            rows.writeArc(character.id(), new CharacterArc(string(values.get("character_arc")), string(values.get("transformation"))),
                    clock.instant());
        } else {
            CharacterSection section = CharacterSection.byKey(part)
                    .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, "A character has no part " + part + "."));
            // A version saved before a field left the schema would not pass today's check: refuse rather than store it.
            rows.writeSection(character.id(), section, SectionValues.check(section, values), clock.instant());
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** A part as labelled paragraphs with the labels its form shows (in English, as the story's parts read). */
    @Override
    public String readable(String part, String content) {
        return PartText.readable(content, field -> CharacterSection.byKey(part)
                .map(section -> section.field(field).map(SectionField::labelEn).orElse(null))
                .orElseGet(() -> messages.getMessage("characters.field." + field, null, null, Locale.ENGLISH)));
    }

    /** The history names a character's versions by the character (a deleted one by the entity type). */
    @Override
    public String label(UUID entityId) {
        return rows.name(entityId).orElse(null);
    }

    @Override
    public String typeLabel(Locale locale) {
        return messages.getMessage("studio.tab.characters", null, null, locale);
    }

    /** The titles the character page gives its part forms: the profile, each schema section, the arc. */
    @Override
    public String sectionLabel(String section, Locale locale) {
        if (Characters.PROFILE.equals(section) || Characters.ARC.equals(section)) {
            return messages.getMessage("characters.part." + section, null, null, locale);
        }
        return CharacterSection.byKey(section).map(s -> s.label(locale)).orElse(null);
    }
}
