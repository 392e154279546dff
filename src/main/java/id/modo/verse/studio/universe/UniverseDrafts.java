package id.modo.verse.studio.universe;

import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.section.SectionValues;
import id.modo.verse.studio.story.StoryDrafts.Draft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a generated universe would make of the project's universe: one draft per part, each as a save of that part
 * stores it, the sections checked against their schema ({@link SectionValues#check}) like a save.
 */
@Component
public class UniverseDrafts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Universes universes;
    private final UniverseRows rows;
    private final ProjectAccess access;

    UniverseDrafts(Universes universes, UniverseRows rows, ProjectAccess access) {
        this.universes = universes;
        this.rows = rows;
        this.access = access;
    }

    /**
     * One draft per generated part (by part key → field → text): {@code details} (name, description) and each section.
     * A blank answer leaves what the writer filled, and a section's pictures stay, so the proposal adds to their world.
     * A project without a universe yet gets its empty row, which the proposals belong to.
     */
    public List<Draft> generated(UserId actor, ProjectId project, Map<String, Map<String, String>> generated) {
        access.edit(actor, project, Section.UNIVERSE);
        UniverseView current = universes.get(actor, project);
        Universe universe = rows.createIfMissing(project.value());
        List<Draft> drafts = new ArrayList<>();
        generated.forEach((key, values) -> {
            if (Universes.DETAILS.equals(key)) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("name", filled(values.get("name"), current.name(), Universes.NAME_MAX));
                details.put("description", filled(values.get("description"), current.description(), Universes.DESCRIPTION_MAX));
                drafts.add(new Draft(Universes.ENTITY_TYPE, universe.id(), key, JSON.writeValueAsString(details)));
                return;
            }
            UniverseSection section = UniverseSection.byKey(key).orElseThrow(() -> new IllegalArgumentException("Not a section: " + key));
            Map<String, String> merged = new LinkedHashMap<>(current.section(section));
            values.forEach((field, text) -> {
                if (text != null && !text.isBlank()) {
                    merged.put(field, text.strip());
                }
            });
            drafts.add(new Draft(Universes.ENTITY_TYPE, universe.id(), key, JSON.writeValueAsString(SectionValues.check(section, merged))));
        });
        return drafts;
    }

    /** The generated text, else what was there; a model's overlong answer is cut to what a save takes rather than refused. */
    private static String filled(String generated, String old, int max) {
        if (generated == null || generated.isBlank()) {
            return old;
        }
        String text = generated.strip();
        return text.codePointCount(0, text.length()) > max ? text.substring(0, text.offsetByCodePoints(0, max)) : text;
    }
}
