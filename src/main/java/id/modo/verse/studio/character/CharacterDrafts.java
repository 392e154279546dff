package id.modo.verse.studio.character;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.section.SectionValues;
import id.modo.verse.studio.story.StoryDrafts.Draft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A character as AI flows read it, and what a generated profile would make of its sections: each section's content as
 * a save of that section stores it, checked against the section's schema ({@link SectionValues#check}) like a save.
 */
@Component
public class CharacterDrafts {

    private final Characters characters;
    private final CharacterParts parts;

    CharacterDrafts(Characters characters, CharacterParts parts) {
        this.characters = characters;
        this.parts = parts;
    }

    /** What a prompt may say of the character: its name, role and age as saved. */
    public record CharacterText(UUID id, String name, String role, String age) {
    }

    /** The character of this project, or 400 naming {@code character_id} (as a field, since the client chose it). */
    public CharacterText text(UserId actor, ProjectId project, UUID characterId) {
        CharacterView view;
        try {
            view = characters.get(actor, project, characterId);
        } catch (ProblemException e) {
            if (e.type() != ProblemType.NOT_FOUND) {
                throw e;
            }
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                    Map.of("errors", List.of(new FieldError("character_id", "is not a character of this project"))));
        }
        return new CharacterText(view.id(), view.name(), view.role() == null ? null : view.role().dbValue(),
                view.section(CharacterSection.PHYSIOLOGICAL).get("age"));
    }

    /** What a picture prompt may say of the character: its name, and its looks as the physiological part has them. */
    public record CharacterLooks(UUID id, String name, String looks) {
    }

    /**
     * The character's looks as one line ("Gender: female; Hair colour: black; …", in English, the prompts' language),
     * null when its physiological part is empty; 404 for a character not of this project, as its own path would answer.
     */
    public CharacterLooks looks(UserId actor, ProjectId project, UUID characterId) {
        CharacterView view = characters.get(actor, project, characterId);
        Map<String, String> physiology = view.section(CharacterSection.PHYSIOLOGICAL);
        List<String> parts = new ArrayList<>();
        CharacterSection.PHYSIOLOGICAL.fields().forEach(field -> {
            String value = physiology.get(field.key());
            if (value != null && !value.isBlank()) {
                parts.add(field.labelEn() + ": " + value.strip());
            }
        });
        return new CharacterLooks(view.id(), view.name(), parts.isEmpty() ? null : String.join("; ", parts));
    }

    /**
     * One draft per generated section (by section key → field → text), the section's values checked as a save checks
     * them; blank answers leave a field the writer filled as it was, so a profile adds to what they wrote.
     */
    public List<Draft> profile(UserId actor, ProjectId project, UUID characterId, Map<String, Map<String, String>> generated) {
        CharacterView view = characters.get(actor, project, characterId);
        List<Draft> drafts = new ArrayList<>();
        generated.forEach((key, values) -> {
            CharacterSection section = CharacterSection.byKey(key).orElseThrow(() -> new IllegalArgumentException("Not a section: " + key));
            Map<String, String> merged = new LinkedHashMap<>(view.section(section));
            values.forEach((field, text) -> {
                if (text != null && !text.isBlank()) {
                    merged.put(field, text.strip());
                }
            });
            drafts.add(new Draft(Characters.ENTITY_TYPE, characterId, key, parts.sectionJson(SectionValues.check(section, merged))));
        });
        return drafts;
    }
}
