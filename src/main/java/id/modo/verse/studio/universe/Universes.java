package id.modo.verse.studio.universe;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Snapshot;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.Versions;
import id.modo.verse.studio.section.SectionValues;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's universe (one per project): its name and description ({@code details}) and its
 * sections, each saved through the version history. Reading needs the project; writing needs the
 * {@link Section#UNIVERSE} section. The row is made by the first save, so a project nobody wrote a
 * world for has none.
 */
@Service
public class Universes {

    public static final String ENTITY_TYPE = "universe";
    public static final String DETAILS = "details";
    static final int NAME_MAX = 255;
    static final int DESCRIPTION_MAX = 20_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UniverseRows rows;
    private final ProjectAccess access;
    private final Versions versions;
    private final Snapshot snapshot;
    private final Clock clock;

    Universes(UniverseRows rows, ProjectAccess access, Versions versions, Snapshot snapshot, Clock clock) {
        this.rows = rows;
        this.snapshot = snapshot;
        this.access = access;
        this.versions = versions;
        this.clock = clock;
    }

    public static List<String> partKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(DETAILS);
        for (UniverseSection section : UniverseSection.values()) {
            keys.add(section.key());
        }
        return keys;
    }

    public UniverseView get(UserId actor, ProjectId project) {
        access.read(actor, project);
        return snapshot.read(() -> view(project));
    }

    /** The universe of a project the caller was already allowed to see (the public bible page). */
    public UniverseView visible(ProjectView project) {
        return snapshot.read(() -> view(project.id()));
    }

    @Transactional
    public UniverseView update(UserId actor, ProjectId project, UniverseChanges changes) {
        access.edit(actor, project, Section.UNIVERSE);
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> contents = new LinkedHashMap<>();
        String name = null;
        String description = null;
        Universe existing = rows.findByProject(project.value()).orElse(null);
        if (changes.touchesDetails()) {
            name = text(changes.name(), existing == null ? null : existing.name(), "name", NAME_MAX, errors);
            description = text(changes.description(), existing == null ? null : existing.description(), "description", DESCRIPTION_MAX, errors);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", name);
            details.put("description", description);
            contents.put(DETAILS, JSON.writeValueAsString(details));
        }
        Map<UniverseSection, Map<String, String>> sections = new EnumMap<>(UniverseSection.class);
        for (Map.Entry<UniverseSection, Map<String, Object>> entry : changes.sections().entrySet()) {
            List<FieldError> problems = SectionValues.problems(entry.getKey(), entry.getValue());
            if (problems.isEmpty()) {
                Map<String, String> values = SectionValues.normalize(entry.getKey(), entry.getValue());
                sections.put(entry.getKey(), values);
                contents.put(entry.getKey().key(), JSON.writeValueAsString(values));
            } else {
                errors.addAll(problems);
            }
        }
        errors.addAll(SectionValues.baseVersionProblems(contents.keySet(), changes.baseVersions(), partKeys(), "universe"));
        if (!errors.isEmpty()) {
            throw SectionValues.invalid(errors);
        }
        if (contents.isEmpty()) {
            return view(project);
        }
        Universe universe = rows.createIfMissing(project.value());
        for (Map.Entry<String, String> content : contents.entrySet()) {
            versions.save(project, ENTITY_TYPE, universe.id(), content.getKey(), content.getValue(),
                    changes.baseVersions().get(content.getKey()), actor);
        }
        Instant now = clock.instant();
        if (changes.touchesDetails()) {
            rows.writeDetails(universe.id(), name, description, now);
        }
        sections.forEach((section, values) -> rows.writeSection(universe.id(), section, values, now));
        return view(project);
    }

    /** Puts a picture reference into one picture field of a section, as a save of that section from {@code baseVersion}. */
    @Transactional
    public UniverseView changeImage(UserId actor, ProjectId project, UniverseSection section, String field, String reference, int baseVersion) {
        Map<String, Object> values = new LinkedHashMap<>(view(project).section(section));
        values.put(field, reference == null ? "" : reference);
        return update(actor, project, new UniverseChanges(null, null, Map.of(section, values), Map.of(section.key(), baseVersion)));
    }

    private UniverseView view(ProjectId project) {
        return rows.findByProject(project.value()).map(this::view)
                .orElseGet(() -> new UniverseView(null, project.value(), null, null, emptySections(), Map.of(), null));
    }

    private UniverseView view(Universe universe) {
        Map<UniverseSection, Map<String, String>> sections = new EnumMap<>(UniverseSection.class);
        for (UniverseSection section : UniverseSection.values()) {
            sections.put(section, new LinkedHashMap<>(universe.section(section)));
        }
        Map<String, UniverseView.PartVersion> saved = new LinkedHashMap<>();
        for (Map.Entry<String, Version> entry : versions.currentSections(ENTITY_TYPE, universe.id()).entrySet()) {
            Version v = entry.getValue();
            saved.put(entry.getKey(), new UniverseView.PartVersion(v.number(), v.author() == null ? null : v.author().value(),
                    v.authorName(), v.createdAt()));
        }
        return new UniverseView(universe.id(), universe.projectId(), universe.name(), universe.description(), sections, saved,
                universe.updatedAt());
    }

    private static Map<UniverseSection, Map<String, String>> emptySections() {
        Map<UniverseSection, Map<String, String>> sections = new EnumMap<>(UniverseSection.class);
        for (UniverseSection section : UniverseSection.values()) {
            sections.put(section, Map.of());
        }
        return sections;
    }

    private static String text(String sent, String old, String field, int max, List<FieldError> errors) {
        if (sent == null) {
            return old;
        }
        if (sent.isBlank()) {
            return null;
        }
        String value = sent.strip();
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return value;
    }

}
