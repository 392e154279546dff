package id.modo.verse.studio.character;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's characters: their parts (each saved through the version history), their display
 * order and their relationships. Every method checks the caller's access to the project first:
 * reading needs the project, writing needs the {@link Section#CHARACTERS} section.
 */
@Service
public class Characters {

    public static final String ENTITY_TYPE = "character";
    public static final String PROFILE = "profile";
    public static final String ARC = "arc";
    public static final int MAX_CHARACTERS = 200;
    static final int NAME_MAX = 255;
    static final int ARCHETYPE_MAX = 100;
    static final int CAST_MAX = 255;
    static final int ARC_MAX = 20_000;
    static final int DESCRIPTION_MAX = 2000;

    private final CharacterRows rows;
    private final ProjectAccess access;
    private final Versions versions;
    private final CharacterParts parts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Snapshot snapshot;
    private final Clock clock;

    Characters(CharacterRows rows, ProjectAccess access, Versions versions, CharacterParts parts, JdbcClient jdbc,
            ApplicationEventPublisher events, Snapshot snapshot, Clock clock) {
        this.rows = rows;
        this.snapshot = snapshot;
        this.access = access;
        this.versions = versions;
        this.parts = parts;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Every part a character saves on its own: the profile, each section, the arc. */
    public static List<String> partKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(PROFILE);
        for (CharacterSection section : CharacterSection.values()) {
            keys.add(section.key());
        }
        keys.add(ARC);
        return keys;
    }

    public List<CharacterView> list(UserId actor, ProjectId project) {
        access.read(actor, project);
        return snapshot.read(() -> views(project));
    }

    /** The characters of a project the caller was already allowed to see (the public bible page). */
    public List<CharacterView> listVisible(ProjectView project) {
        return snapshot.read(() -> views(project.id()));
    }

    public CharacterView get(UserId actor, ProjectId project, UUID characterId) {
        access.read(actor, project);
        return snapshot.read(() -> view(find(project, characterId)));
    }

    @Transactional
    public CharacterView create(UserId actor, ProjectId project, CharacterChanges draft) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        if (draft.name() == null || draft.name().isBlank()) {
            throw invalid(List.of(new FieldError("name", "is required")));
        }
        lockCharacters(project);
        if (rows.countByProject(project.value()) >= MAX_CHARACTERS) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "A project holds at most " + MAX_CHARACTERS + " characters.");
        }
        Instant now = clock.instant();
        UUID id = rows.insert(project.value(), draft.name(), rows.maxDisplayOrder(project.value()) + 1, now);
        // A new character's parts all start from nothing, whatever base the client sent.
        Map<String, Integer> bases = new LinkedHashMap<>();
        partKeys().forEach(part -> bases.put(part, 0));
        CharacterChanges first = new CharacterChanges(draft.name(), draft.role(), draft.archetype(), draft.castReference(),
                draft.sections(), draft.characterArc(), draft.transformation(), bases);
        apply(view, actor, find(project, id), first, now);
        StoryCharacter character = find(project, id);
        events.publishEvent(new CharacterEvents.CharacterCreated(view.organizationId().value(), actor.value(), project.value(),
                character.id(), character.name()));
        return view(character);
    }

    @Transactional
    public CharacterView update(UserId actor, ProjectId project, UUID characterId, CharacterChanges changes) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        apply(view, actor, find(project, characterId), changes, clock.instant());
        return view(find(project, characterId));
    }

    @Transactional
    public void delete(UserId actor, ProjectId project, UUID characterId) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        StoryCharacter character = find(project, characterId);
        int edges = jdbc.sql("""
                select count(*) from character_relationships
                where project_id = ? and (character_id = ? or related_character_id = ?)""")
                .params(project.value(), characterId, characterId)
                .query(Integer.class).single();
        rows.delete(characterId);
        events.publishEvent(new CharacterEvents.CharacterDeleted(view.organizationId().value(), actor.value(), project.value(),
                characterId, character.name(), edges));
    }

    /**
     * Puts the project's characters in the given order. The list must name every character of the
     * project exactly once, so a client working from a stale list cannot lose one off the end.
     */
    @Transactional
    public List<CharacterView> reorder(UserId actor, ProjectId project, List<UUID> order) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        List<UUID> current = lockCharacters(project);
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            UUID id = order.get(i);
            if (id == null || !current.contains(id)) {
                errors.add(new FieldError("character_ids[" + i + "]", "is not a character of this project"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError("character_ids[" + i + "]", "is listed twice"));
            }
        }
        Set<UUID> missing = new LinkedHashSet<>(current);
        missing.removeAll(seen);
        if (!missing.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("character_ids", "must list every character of the project; missing " + missing));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        jdbc.sql("""
                update characters c set display_order = o.position - 1, updated_at = ?
                from unnest(?::uuid[]) with ordinality as o(id, position)
                where c.id = o.id and c.project_id = ?""")
                .params(java.sql.Timestamp.from(clock.instant()), order.toArray(UUID[]::new), project.value())
                .update();
        events.publishEvent(new CharacterEvents.CharactersReordered(view.organizationId().value(), actor.value(), project.value(),
                order.stream().map(UUID::toString).toList()));
        return views(project);
    }

    /** Result of {@link #relate}: the relationship and whether it is new (else it replaced the pair's previous one). */
    public record Related(CharacterView.RelationshipView relationship, boolean created) {
    }

    /**
     * Sets how {@code characterId} stands to {@code otherId}: one relationship per ordered pair, so
     * setting it again replaces its type and description.
     */
    @Transactional
    public Related relate(UserId actor, ProjectId project, UUID characterId, UUID otherId, RelationshipType type, String description) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        find(project, characterId);
        List<FieldError> errors = new ArrayList<>();
        if (otherId == null) {
            errors.add(new FieldError("character_id", "is required"));
        } else if (otherId.equals(characterId)) {
            errors.add(new FieldError("character_id", "must be another character"));
        } else if (rows.findInProject(project.value(), otherId).isEmpty()) {
            errors.add(new FieldError("character_id", "is not a character of this project"));
        }
        if (type == null) {
            errors.add(new FieldError("relationship_type", "is required"));
        }
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.codePointCount(0, text.length()) > DESCRIPTION_MAX) {
            errors.add(new FieldError("description", "must be at most " + DESCRIPTION_MAX + " characters"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        String oldType = jdbc.sql("""
                select relationship_type from character_relationships
                where project_id = ? and character_id = ? and related_character_id = ? for update""")
                .params(project.value(), characterId, otherId)
                .query(String.class).optional().orElse(null);
        jdbc.sql("""
                insert into character_relationships (project_id, character_id, related_character_id, relationship_type, description,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (project_id, character_id, related_character_id)
                do update set relationship_type = excluded.relationship_type, description = excluded.description,
                    updated_at = excluded.updated_at""")
                .params(project.value(), characterId, otherId, type.key(), text, java.sql.Timestamp.from(clock.instant()),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new CharacterEvents.RelationshipSet(view.organizationId().value(), actor.value(), project.value(),
                characterId, otherId, oldType, type.key(), text));
        String otherName = rows.findInProject(project.value(), otherId).map(StoryCharacter::name).orElse(null);
        return new Related(new CharacterView.RelationshipView(otherId, otherName, type, text), oldType == null);
    }

    @Transactional(readOnly = true)
    public List<CharacterView.RelationshipView> relationships(UserId actor, ProjectId project, UUID characterId) {
        access.read(actor, project);
        find(project, characterId);
        return relationshipsOf(project).getOrDefault(characterId, List.of());
    }

    @Transactional
    public void unrelate(UserId actor, ProjectId project, UUID characterId, UUID otherId) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        find(project, characterId);
        String type = jdbc.sql("""
                delete from character_relationships where project_id = ? and character_id = ? and related_character_id = ?
                returning relationship_type""")
                .params(project.value(), characterId, otherId)
                .query(String.class).optional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such relationship."));
        events.publishEvent(new CharacterEvents.RelationshipRemoved(view.organizationId().value(), actor.value(), project.value(),
                characterId, otherId, type));
    }

    /** Sets or clears (null url) the main picture ({@code pose} null) or a pose picture. */
    @Transactional
    public CharacterView changeImage(UserId actor, ProjectId project, UUID characterId, ImagePose pose, String url) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        StoryCharacter character = find(project, characterId);
        String old = pose == null ? character.imageUrl() : character.imagePoses().get(pose.key());
        if (pose == null) {
            rows.writeImage(characterId, url, clock.instant());
        } else {
            rows.writePoses(characterId, character.posesWith(pose, url), clock.instant());
        }
        events.publishEvent(new CharacterEvents.CharacterImageChanged(view.organizationId().value(), actor.value(), project.value(),
                characterId, pose == null ? null : pose.key(), old, url));
        return view(find(project, characterId));
    }

    /** The graph of a project's characters for a caller who may read it. */
    @Transactional(readOnly = true)
    public String graph(List<CharacterView> characters, RelationshipGraph.Texts texts, String idPrefix, String hrefPrefix) {
        List<RelationshipGraph.Node> nodes = characters.stream()
                .map(c -> new RelationshipGraph.Node(c.id().toString(), c.name(), hrefPrefix == null ? null : hrefPrefix + c.id()))
                .toList();
        List<RelationshipGraph.Edge> edges = new ArrayList<>();
        for (CharacterView c : characters) {
            for (CharacterView.RelationshipView r : c.relationships()) {
                edges.add(new RelationshipGraph.Edge(c.id().toString(), r.characterId().toString(), r.relationshipType(), r.description()));
            }
        }
        return RelationshipGraph.svg(nodes, edges, texts, idPrefix);
    }

    private void apply(ProjectView view, UserId actor, StoryCharacter character, CharacterChanges changes, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> contents = new LinkedHashMap<>();
        CharacterProfile profile = null;
        if (changes.touchesProfile()) {
            profile = mergeProfile(character.profile(), changes, errors);
            contents.put(PROFILE, parts.profileJson(profile));
        }
        Map<CharacterSection, Map<String, String>> sections = new EnumMap<>(CharacterSection.class);
        for (Map.Entry<CharacterSection, Map<String, Object>> entry : changes.sections().entrySet()) {
            List<FieldError> problems = SectionValues.problems(entry.getKey(), entry.getValue());
            if (problems.isEmpty()) {
                Map<String, String> values = SectionValues.normalize(entry.getKey(), entry.getValue());
                sections.put(entry.getKey(), values);
                contents.put(entry.getKey().key(), parts.sectionJson(values));
            } else {
                errors.addAll(problems);
            }
        }
        CharacterArc arc = null;
        if (changes.touchesArc()) {
            CharacterArc old = character.arc();
            arc = new CharacterArc(
                    text(changes.characterArc(), old.characterArc(), "character_arc", ARC_MAX, errors),
                    text(changes.transformation(), old.transformation(), "transformation", ARC_MAX, errors));
            contents.put(ARC, parts.arcJson(arc));
        }
        errors.addAll(SectionValues.baseVersionProblems(contents.keySet(), changes.baseVersions(), partKeys(), "character"));
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        // The version history refuses a save that did not start from the current version (409), before the row changes.
        ProjectId project = ProjectId.of(character.projectId());
        for (Map.Entry<String, String> content : contents.entrySet()) {
            versions.save(project, ENTITY_TYPE, character.id(), content.getKey(), content.getValue(),
                    changes.baseVersions().get(content.getKey()), actor);
        }
        if (profile != null) {
            rows.writeProfile(character.id(), profile, now);
        }
        sections.forEach((section, values) -> rows.writeSection(character.id(), section, values, now));
        if (arc != null) {
            rows.writeArc(character.id(), arc, now);
        }
    }

    private static CharacterProfile mergeProfile(CharacterProfile old, CharacterChanges changes, List<FieldError> errors) {
        String name = old.name();
        if (changes.name() != null) {
            if (changes.name().isBlank()) {
                errors.add(new FieldError("name", "must not be blank"));
            } else {
                name = bounded(changes.name().strip(), "name", NAME_MAX, errors);
            }
        }
        CharacterRole role = old.role();
        if (changes.role() != null) {
            if (changes.role().isBlank()) {
                role = null;
            } else {
                role = CharacterRole.fromDb(changes.role()).orElse(null);
                if (role == null) {
                    errors.add(new FieldError("role", "must be one of protagonist, antagonist, supporting, minor"));
                }
            }
        }
        return new CharacterProfile(name, role,
                text(changes.archetype(), old.archetype(), "archetype", ARCHETYPE_MAX, errors),
                text(changes.castReference(), old.castReference(), "cast_reference", CAST_MAX, errors));
    }

    private static String text(String sent, String old, String field, int max, List<FieldError> errors) {
        if (sent == null) {
            return old;
        }
        return sent.isBlank() ? null : bounded(sent.strip(), field, max, errors);
    }

    private static String bounded(String value, String field, int max, List<FieldError> errors) {
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return value;
    }

    static ProblemException invalid(List<FieldError> errors) {
        return SectionValues.invalid(errors);
    }

    private StoryCharacter find(ProjectId project, UUID characterId) {
        return rows.findInProject(project.value(), characterId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such character."));
    }

    /** Locks the project's characters in a fixed order, so creates and reorders of one project take turns. */
    private List<UUID> lockCharacters(ProjectId project) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('characters:' || ?, 0))").param(project.value().toString()).query().singleRow();
        return jdbc.sql("select id from characters where project_id = ? order by display_order, created_at, id")
                .param(project.value()).query(UUID.class).list();
    }

    private List<CharacterView> views(ProjectId project) {
        Map<UUID, List<CharacterView.RelationshipView>> edges = relationshipsOf(project);
        List<StoryCharacter> characters = rows.findByProject(project.value());
        Map<UUID, Map<String, Version>> current = versions.currentSections(ENTITY_TYPE, characters.stream().map(StoryCharacter::id).toList());
        return characters.stream()
                .map(c -> view(c, edges.getOrDefault(c.id(), List.of()), current.getOrDefault(c.id(), Map.of())))
                .toList();
    }

    private CharacterView view(StoryCharacter character) {
        return view(character, relationshipsOf(ProjectId.of(character.projectId())).getOrDefault(character.id(), List.of()),
                versions.currentSections(ENTITY_TYPE, character.id()));
    }

    private CharacterView view(StoryCharacter c, List<CharacterView.RelationshipView> relationships, Map<String, Version> current) {
        Map<CharacterSection, Map<String, String>> sections = new EnumMap<>(CharacterSection.class);
        for (CharacterSection section : CharacterSection.values()) {
            sections.put(section, new LinkedHashMap<>(c.section(section)));
        }
        Map<String, CharacterView.PartVersion> saved = new LinkedHashMap<>();
        for (Map.Entry<String, Version> entry : current.entrySet()) {
            Version v = entry.getValue();
            saved.put(entry.getKey(), new CharacterView.PartVersion(v.number(), v.author() == null ? null : v.author().value(),
                    v.authorName(), v.createdAt()));
        }
        CharacterProfile profile = c.profile();
        CharacterArc arc = c.arc();
        return new CharacterView(c.id(), c.projectId(), profile.name(), profile.role(), profile.archetype(), c.imageUrl(),
                new LinkedHashMap<>(c.imagePoses()), profile.castReference(), sections, arc.characterArc(), arc.transformation(),
                relationships, c.displayOrder(), saved, c.createdAt(), c.updatedAt());
    }

    private Map<UUID, List<CharacterView.RelationshipView>> relationshipsOf(ProjectId project) {
        Map<UUID, List<CharacterView.RelationshipView>> out = new LinkedHashMap<>();
        jdbc.sql("""
                select r.character_id, r.related_character_id, c.name, r.relationship_type, r.description
                from character_relationships r join characters c on c.id = r.related_character_id
                where r.project_id = ? order by c.display_order, c.created_at, c.id""")
                .param(project.value())
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CharacterView.RelationshipView(
                            rs.getObject(2, UUID.class), rs.getString(3), RelationshipType.byKey(rs.getString(4)).orElse(RelationshipType.OTHER),
                            rs.getString(5)));
                });
        return out;
    }
}
