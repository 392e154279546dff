package id.modo.verse.studio;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.Snapshot;
import id.modo.verse.identity.Accounts;
import id.modo.verse.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of everything written in Studio. Every save of every feature goes through {@link #save}, which
 * refuses an edit that did not start from the current version (409 {@code edit-conflict} with the current content
 * and who saved it) instead of overwriting it. A restore is a new version, never a rewrite of history, and is
 * written back to the feature's table by its {@link VersionedContent}.
 */
@Service
public class Versions {

    private static final String COLUMNS = """
            id, project_id, entity_type, entity_id, section, number, content, source, author_id, created_at, is_current, restored_from""";
    private static final String SUMMARY_COLUMNS = """
            id, project_id, entity_type, entity_id, section, number, null as content, source, author_id, created_at, is_current, restored_from""";

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    /** Looked up at restore time: the features' writers depend on their services, which depend on this. */
    private final ObjectProvider<VersionedContent> writers;
    private final Clock clock;

    Versions(JdbcClient jdbc, ProjectAccess access, Accounts accounts, ApplicationEventPublisher events, ObjectProvider<VersionedContent> writers,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
        this.writers = writers;
        this.clock = clock;
    }

    /**
     * Records {@code content} as the new current version of the section, by a person. {@code baseVersion} is the number
     * the client's edit started from (0 for a section never saved). Content equal to the current version's is no change
     * and gives the current version back. Call it in the transaction that writes the content to the feature's table,
     * after checking {@link ProjectAccess#edit}: two concurrent saves from the same base give one success and one 409.
     *
     * @throws EditConflictException 409 {@code edit-conflict} with {@code current_version}, {@code content}, {@code saved_by}
     *         ({@code id}, {@code name}) and {@code saved_at} when {@code baseVersion} is not the current number
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Version save(ProjectId project, String entityType, UUID entityId, String section, String content, int baseVersion,
            UserId author) {
        return record(project, entityType, entityId, section, content, baseVersion, author, VersionSource.MANUAL, null);
    }

    /** The current version of a section, if it was ever saved. */
    @Transactional(readOnly = true)
    public Optional<Version> current(String entityType, UUID entityId, String section) {
        return jdbc.sql("select " + COLUMNS + " from studio_versions where entity_type = ? and entity_id = ? and section = ? and is_current")
                .params(entityType, entityId, section)
                .query(this::row)
                .optional()
                .map(this::named);
    }

    /**
     * The current version of every saved section of an entity, by section. A page that shows an entity's text with these
     * numbers (the base versions of its next saves) reads both on one snapshot ({@link Snapshot}): read one after the
     * other at READ COMMITTED, a save landing between them pairs the older text with the newer number, and saving that
     * text would overwrite the other person's change without a 409.
     */
    @Transactional(readOnly = true)
    public Map<String, Version> currentSections(String entityType, UUID entityId) {
        return currentSections(entityType, List.of(entityId)).getOrDefault(entityId, Map.of());
    }

    /** {@link #currentSections(String, UUID)} of many entities in one query, for a page that lists them; by entity. */
    @Transactional(readOnly = true)
    public Map<UUID, Map<String, Version>> currentSections(String entityType, Collection<UUID> entityIds) {
        if (entityIds.isEmpty()) {
            return Map.of();
        }
        List<Version> rows = jdbc.sql("select " + COLUMNS + " from studio_versions where entity_type = :type and entity_id in (:ids) and is_current")
                .param("type", entityType)
                .param("ids", entityIds)
                .query(this::row)
                .list();
        Map<UUID, Map<String, Version>> byEntity = new HashMap<>();
        withNames(rows).forEach(version -> byEntity.computeIfAbsent(version.entityId(), id -> new LinkedHashMap<>()).put(version.section(), version));
        return byEntity;
    }

    /**
     * The project's versions, newest first, optionally of one entity type, entity and section; {@code content} is
     * null in lists (get one for it).
     */
    @Transactional(readOnly = true)
    public Page<Version> list(UserId actor, ProjectId project, String entityType, UUID entityId, String section, String cursor, int limit) {
        access.read(actor, project);
        int size = Keyset.clamp(limit);
        KeysetCursor after = Keyset.after(cursor);
        StringBuilder where = new StringBuilder("project_id = :project");
        Map<String, Object> params = new HashMap<>();
        params.put("project", project.value());
        if (entityType != null) {
            where.append(" and entity_type = :type");
            params.put("type", entityType);
        }
        if (entityId != null) {
            where.append(" and entity_id = :entity");
            params.put("entity", entityId);
        }
        if (section != null) {
            where.append(" and section = :section");
            params.put("section", section);
        }
        if (after != null) {
            where.append(" and (created_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", after.createdAt().atOffset(ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        params.put("fetch", Keyset.fetch(size));
        List<Version> rows = jdbc.sql("select " + SUMMARY_COLUMNS + " from studio_versions where " + where
                        + " order by created_at desc, id desc limit :fetch")
                .params(params)
                .query(this::row)
                .list();
        Page<Version> page = Keyset.page(rows, size, version -> new KeysetCursor(version.createdAt(), version.id()));
        return page.with(withNames(page.items()));
    }

    /** One version of the project, with its content. */
    @Transactional(readOnly = true)
    public Version get(UserId actor, ProjectId project, UUID versionId) {
        access.read(actor, project);
        return named(find(project, versionId));
    }

    /** Two versions of the project and the word-level difference from {@code from} to {@code to}. */
    public record VersionDiff(Version from, Version to, List<WordDiff.Segment> segments) {
    }

    /** Only versions of one part compare (one section of one entity): a story's details against its script says nothing. */
    @Transactional(readOnly = true)
    public VersionDiff diff(UserId actor, ProjectId project, UUID from, UUID to) {
        access.read(actor, project);
        Version older = named(find(project, from));
        Version newer = named(find(project, to));
        if (!older.entityType().equals(newer.entityType()) || !older.entityId().equals(newer.entityId())
                || !older.section().equals(newer.section())) {
            throw new ProblemException(StudioProblems.DIFFERENT_PARTS, "Version " + older.number() + " of " + older.entityType() + " "
                    + older.section() + " and version " + newer.number() + " of " + newer.entityType() + " " + newer.section()
                    + " are versions of different parts. Choose two versions of the same part.");
        }
        return new VersionDiff(older, newer, WordDiff.between(readable(older), readable(newer)));
    }

    /** Which of these versions the reader may restore: those of the sections they may edit, not the current ones. */
    public Set<UUID> restorable(List<Version> versions, Set<Section> editable) {
        Set<UUID> ids = new HashSet<>();
        for (Version version : versions) {
            if (!version.current() && writer(version).map(w -> editable.contains(w.accessSection())).orElse(false)) {
                ids.add(version.id());
            }
        }
        return ids;
    }

    /**
     * How the history names each version's entity (by version id), in the reader's language: its feature's
     * {@link VersionedContent#label} (a character's name), else the entity type's label, else the entity type. A story
     * and its script share an id, so names are looked up per entity type and id.
     */
    public Map<UUID, String> labels(List<Version> versions, Locale locale) {
        Map<String, String> byEntity = new HashMap<>();
        Map<UUID, String> labels = new HashMap<>();
        for (Version version : versions) {
            labels.put(version.id(), byEntity.computeIfAbsent(version.entityType() + ":" + version.entityId(), key -> writer(version)
                    .map(w -> w.label(version.entityId()) instanceof String name ? name : w.typeLabel(locale))
                    .orElse(null) instanceof String label ? label : version.entityType()));
        }
        return labels;
    }

    /** How the history names each version's section (by version id), in the reader's language; the key when its feature has no label. */
    public Map<UUID, String> sectionLabels(List<Version> versions, Locale locale) {
        Map<UUID, String> labels = new HashMap<>();
        for (Version version : versions) {
            labels.put(version.id(), writer(version).map(w -> w.sectionLabel(version.section(), locale)).orElse(null)
                    instanceof String label ? label : version.section());
        }
        return labels;
    }

    private Optional<VersionedContent> writer(Version version) {
        return writers.orderedStream().filter(w -> w.entityType().equals(version.entityType())).findFirst();
    }

    /** A version's content as its feature presents it to people (see {@link VersionedContent#readable}). */
    public String readable(Version version) {
        return writer(version).map(w -> w.readable(version.section(), version.content()))
                .orElse(version.content());
    }

    /**
     * Makes an older version current again as a new version (source {@code restore}) and writes it back through the
     * entity type's {@link VersionedContent}. Needs the right to edit that entity type's section. Restoring the
     * current version changes nothing.
     */
    @Transactional
    public Version restore(UserId actor, ProjectId project, UUID versionId) {
        access.read(actor, project);
        Version old = find(project, versionId);
        VersionedContent writer = writer(old).orElse(null);
        if (writer == null) {
            throw new ProblemException(StudioProblems.NOT_RESTORABLE, "Versions of " + old.entityType() + " cannot be restored.");
        }
        access.edit(actor, project, writer.accessSection());
        lock(old.entityType(), old.entityId(), old.section());
        Optional<Version> current = currentRow(old.entityType(), old.entityId(), old.section());
        if (current.isPresent() && current.get().id().equals(old.id())) {
            return named(current.get());
        }
        Version restored = insert(project, old.entityType(), old.entityId(), old.section(), old.content(), actor,
                VersionSource.RESTORE, old.id());
        writer.apply(project, old.entityId(), old.section(), old.content());
        return named(restored);
    }

    /** Records a version from any source; {@link #save} for a person's edit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Version record(ProjectId project, String entityType, UUID entityId, String section, String content, int baseVersion,
            UserId author, VersionSource source, UUID restoredFrom) {
        Objects.requireNonNull(content, "content");
        lock(entityType, entityId, section);
        Optional<Version> current = currentRow(entityType, entityId, section);
        checkBase(current, baseVersion);
        if (current.isPresent() && current.get().content().equals(content)) {
            return named(current.get());
        }
        return named(insert(project, entityType, entityId, section, content, author, source, restoredFrom));
    }

    /**
     * An edit from an older version lost a race: 409 with who saved since. A base ahead of the current version was never
     * anyone's save (a client's mistake), so it is a 400 that says which version is current.
     */
    private void checkBase(Optional<Version> current, int baseVersion) {
        int currentNumber = current.map(Version::number).orElse(0);
        if (baseVersion > currentNumber) {
            throw new ProblemException(ProblemType.VALIDATION, "Version " + baseVersion + " of this section does not exist: the current "
                    + "version is " + currentNumber + ". Start your edit from it.", Map.of("errors", List.of(new FieldError("base_version",
                    "must be the current version, " + currentNumber + ", or an older one"))));
        }
        if (baseVersion != currentNumber) {
            throw new EditConflictException(current.map(this::named).orElse(null), baseVersion);
        }
    }

    private Version insert(ProjectId project, String entityType, UUID entityId, String section, String content,
            UserId author, VersionSource source, UUID restoredFrom) {
        // The database keeps microseconds; the version returned says what it stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("update studio_versions set is_current = false where entity_type = ? and entity_id = ? and section = ? and is_current")
                .params(entityType, entityId, section)
                .update();
        UUID id = UUID.randomUUID();
        int number = nextNumber(entityType, entityId, section);
        jdbc.sql("""
                insert into studio_versions (id, project_id, entity_type, entity_id, section, number, content, source, author_id,
                    created_at, is_current, restored_from)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)""")
                .params(id, project.value(), entityType, entityId, section, number, content, source.dbValue(),
                        author == null ? null : author.value(), Timestamp.from(now), restoredFrom)
                .update();
        Version version = new Version(id, project, entityType, entityId, section, number, content, source, author, null,
                now, true, restoredFrom);
        UUID organization = jdbc.sql("select organization_id from projects where id = ?").param(project.value()).query(UUID.class).single();
        events.publishEvent(new StudioEvents.VersionSaved(organization, project.value(), author == null ? null : author.value(), id, entityType,
                entityId, section, version.number(), source.dbValue(), restoredFrom));
        return version;
    }

    /**
     * The number after every version of the section, proposals included: a pending AI proposal keeps its number, so a
     * save made meanwhile skips it (numbers grow, with gaps, and a base version names one save only).
     */
    private int nextNumber(String entityType, UUID entityId, String section) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from studio_versions where entity_type = ? and entity_id = ? and section = ?")
                .params(entityType, entityId, section).query(Integer.class).single();
    }

    /**
     * Keeps an AI generation's result as a version of the section that is not current: nothing of the user's text
     * changes until they accept it ({@link #acceptProposal}). Its number is taken from the section's sequence under the
     * section's lock, like a save's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Version propose(ProjectId project, String entityType, UUID entityId, String section, String content, UserId author,
            UUID generationId) {
        Objects.requireNonNull(content, "content");
        lock(entityType, entityId, section);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        int number = nextNumber(entityType, entityId, section);
        jdbc.sql("""
                insert into studio_versions (id, project_id, entity_type, entity_id, section, number, content, source, author_id,
                    created_at, is_current, proposal_status, generation_id)
                values (?, ?, ?, ?, ?, ?, ?, 'ai', ?, ?, false, 'pending', ?)""")
                .params(id, project.value(), entityType, entityId, section, number, content, author == null ? null : author.value(),
                        Timestamp.from(now), generationId)
                .update();
        return named(new Version(id, project, entityType, entityId, section, number, content, VersionSource.AI, author, null, now, false,
                null));
    }

    /** A pending AI proposal of the project (404 for anything else: a version that is not one, or one accepted or discarded). */
    @Transactional(readOnly = true)
    public Version proposal(UserId actor, ProjectId project, UUID versionId) {
        access.read(actor, project);
        return named(pending(project, versionId));
    }

    /** The project's proposals waiting for review, newest first (without content). */
    @Transactional(readOnly = true)
    public List<Version> pendingProposals(UserId actor, ProjectId project) {
        access.read(actor, project);
        return withNames(jdbc.sql("select " + SUMMARY_COLUMNS + " from studio_versions where project_id = ? and proposal_status = 'pending' "
                        + "order by created_at desc, id desc limit 50")
                .param(project.value())
                .query(this::row)
                .list());
    }

    /** The word diff from the section's current text (empty when never saved) to the proposal's, as people read them. */
    @Transactional(readOnly = true)
    public List<WordDiff.Segment> proposalDiff(Version proposal) {
        String current = currentRow(proposal.entityType(), proposal.entityId(), proposal.section()).map(this::readable).orElse("");
        return WordDiff.between(current, readable(proposal));
    }

    /**
     * Makes a pending proposal the section's current text, as a person's save would: {@code baseVersion} is the current
     * number the user saw next to the proposal, and a save that landed since is 409 {@code edit-conflict}, the same
     * answer two human saves get. The proposal becomes the newest version (renumbered after any saved since) and its
     * feature writes it into its table ({@link VersionedContent#apply}).
     */
    @Transactional
    public Version acceptProposal(UserId actor, ProjectId project, UUID versionId, int baseVersion) {
        access.read(actor, project);
        Version proposal = pending(project, versionId);
        VersionedContent writer = writer(proposal).orElseThrow(() -> new ProblemException(StudioProblems.NOT_RESTORABLE,
                "Versions of " + proposal.entityType() + " cannot be accepted."));
        access.edit(actor, project, writer.accessSection());
        lock(proposal.entityType(), proposal.entityId(), proposal.section());
        if (jdbc.sql("select count(*) from studio_versions where id = ? and proposal_status = 'pending'").param(versionId)
                .query(Integer.class).single() == 0) {
            throw proposalGone();
        }
        checkBase(currentRow(proposal.entityType(), proposal.entityId(), proposal.section()), baseVersion);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("update studio_versions set is_current = false where entity_type = ? and entity_id = ? and section = ? and is_current")
                .params(proposal.entityType(), proposal.entityId(), proposal.section())
                .update();
        // After every other version of the section: it keeps its own number unless a save took a higher one since.
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from studio_versions where entity_type = ? and entity_id = ? and section = ? and id <> ?")
                .params(proposal.entityType(), proposal.entityId(), proposal.section(), versionId).query(Integer.class).single();
        jdbc.sql("update studio_versions set is_current = true, proposal_status = 'accepted', number = ?, created_at = ? where id = ?")
                .params(number, Timestamp.from(now), versionId)
                .update();
        writer.apply(project, proposal.entityId(), proposal.section(), proposal.content());
        UUID organization = jdbc.sql("select organization_id from projects where id = ?").param(project.value()).query(UUID.class).single();
        events.publishEvent(new StudioEvents.VersionSaved(organization, project.value(), actor.value(), versionId, proposal.entityType(),
                proposal.entityId(), proposal.section(), number, VersionSource.AI.dbValue(), null));
        return named(new Version(versionId, project, proposal.entityType(), proposal.entityId(), proposal.section(), number, proposal.content(),
                VersionSource.AI, proposal.author(), null, now, true, null));
    }

    /** Drops a pending proposal; the section's text never changed. Who may edit the section may discard it. */
    @Transactional
    public void discardProposal(UserId actor, ProjectId project, UUID versionId) {
        access.read(actor, project);
        Version proposal = pending(project, versionId);
        access.edit(actor, project, writer(proposal).map(VersionedContent::accessSection).orElse(Section.STORY));
        lock(proposal.entityType(), proposal.entityId(), proposal.section());
        if (jdbc.sql("delete from studio_versions where id = ? and proposal_status = 'pending'").param(versionId).update() == 0) {
            throw proposalGone();
        }
    }

    private Version pending(ProjectId project, UUID versionId) {
        return jdbc.sql("select " + COLUMNS + " from studio_versions where id = ? and project_id = ? and proposal_status = 'pending'")
                .params(versionId, project.value())
                .query(this::row)
                .optional()
                .orElseThrow(Versions::proposalGone);
    }

    private static ProblemException proposalGone() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such AI proposal in this project: it was accepted or discarded.");
    }

    /**
     * Serializes the saves of one section for the rest of the transaction. An advisory lock rather than
     * {@code select … for update} of the current row, because a section's first save has no row to lock yet.
     */
    private void lock(String entityType, UUID entityId, String section) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))")
                .param("studio_versions:" + entityType + ":" + entityId + ":" + section)
                .query((rs, n) -> null)
                .list();
    }

    private Optional<Version> currentRow(String entityType, UUID entityId, String section) {
        return jdbc.sql("select " + COLUMNS + " from studio_versions where entity_type = ? and entity_id = ? and section = ? and is_current")
                .params(entityType, entityId, section)
                .query(this::row)
                .optional();
    }

    private Version find(ProjectId project, UUID versionId) {
        return jdbc.sql("select " + COLUMNS + " from studio_versions where id = ? and project_id = ?")
                .params(versionId, project.value())
                .query(this::row)
                .optional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such version in this project."));
    }

    private Version row(ResultSet rs, int n) throws SQLException {
        UUID author = rs.getObject("author_id", UUID.class);
        return new Version(rs.getObject("id", UUID.class), ProjectId.of(rs.getObject("project_id", UUID.class)),
                rs.getString("entity_type"), rs.getObject("entity_id", UUID.class), rs.getString("section"), rs.getInt("number"),
                rs.getString("content"), VersionSource.fromDb(rs.getString("source")), author == null ? null : UserId.of(author),
                null, rs.getTimestamp("created_at").toInstant(), rs.getBoolean("is_current"), rs.getObject("restored_from", UUID.class));
    }

    private Version named(Version version) {
        return withNames(List.of(version)).getFirst();
    }

    private List<Version> withNames(List<Version> versions) {
        Map<UserId, Accounts.Person> people = accounts.people(versions.stream().map(Version::author).filter(Objects::nonNull)
                .distinct().toList());
        return versions.stream().map(v -> {
            Accounts.Person person = v.author() == null ? null : people.get(v.author());
            return new Version(v.id(), v.project(), v.entityType(), v.entityId(), v.section(), v.number(), v.content(), v.source(),
                    v.author(), person == null ? null : person.name(), v.createdAt(), v.current(), v.restoredFrom());
        }).toList();
    }
}
