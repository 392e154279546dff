package id.modo.verse.studio.moodboard;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.section.StudioImages;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's moodboard: one or more pictures per beat of its story, or per key action when the writer splits a beat,
 * in the order people drag them to. Moodboards are part of the story, so editing them needs the project's
 * {@link Section#STORY} permission (the moodboard has no section of its own); anyone who may see the project sees them.
 */
@Service
public class Moodboards {

    private final MoodboardItems items;
    private final MoodboardBeats beats;
    private final MoodboardAi ai;
    private final ProjectAccess access;
    private final StudioImages images;
    private final MoodboardPrompts prompts;

    Moodboards(MoodboardItems items, MoodboardBeats beats, MoodboardAi ai, ProjectAccess access, StudioImages images, MoodboardPrompts prompts) {
        this.items = items;
        this.prompts = prompts;
        this.beats = beats;
        this.ai = ai;
        this.access = access;
        this.images = images;
    }

    /** An item as the animatic and the bible read it: where it sits in the story, what it shows, its picture's reference. */
    public record StoryItem(UUID id, int beatIndex, String beatKey, Integer keyActionIndex, String description, String image,
            String animationStyle) {
    }

    /**
     * The project's items in story order (beat, then the beat's own items before its key actions', then the people's order),
     * for other Studio features; the caller has checked who may see the project.
     */
    public List<StoryItem> inStoryOrder(ProjectId project) {
        return items.list(project.value()).stream()
                .map(i -> new StoryItem(i.id(), i.beatIndex(), i.beatKey(), i.keyActionIndex(), i.description(), i.image(), i.animationStyle()))
                .toList();
    }

    /** The board as the caller sees it, with generations that ended since the last look settled into their items. */
    record Board(ProjectView project, MoodboardBeats.Structure structure, List<MoodboardItem> items) {
    }

    Board board(UserId actor, ProjectId project, Locale locale) {
        ProjectView view = access.read(actor, project);
        List<MoodboardItem> all = items.list(project.value());
        if (ai.settle(actor, all)) {
            all = items.list(project.value());
        }
        return new Board(view, beats.of(project, locale), all);
    }

    MoodboardItem get(UserId actor, ProjectId project, UUID id) {
        access.read(actor, project);
        MoodboardItem item = find(project, id);
        return ai.settle(actor, List.of(item)) ? find(project, id) : item;
    }

    @Transactional
    MoodboardItem create(UserId actor, ProjectId project, String beatKey, Integer keyActionIndex, MoodboardChanges changes) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        MoodboardBeats.Beat beat = place(beats.of(project, Locale.ENGLISH), beatKey, keyActionIndex, "beat_key", "key_action_index");
        MoodboardChanges checked = changes.checked(view.organizationId(), images);
        return find(project, items.insert(project.value(), beat.index(), beat.key(), keyActionIndex, checked));
    }

    @Transactional
    MoodboardItem update(UserId actor, ProjectId project, UUID id, Integer version, MoodboardChanges changes) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        if (version == null) {
            throw MoodboardChanges.invalid(List.of(new FieldError("version", "is required: the version your edit started from")));
        }
        MoodboardItem item = find(project, id);
        MoodboardChanges checked = changes.checked(view.organizationId(), images);
        if (!items.update(item, version, checked)) {
            throw stale(find(project, id));
        }
        MoodboardItem updated = find(project, id);
        prompts.saved(project, id, item.aiPrompt(), updated.aiPrompt(), actor);
        return updated;
    }

    /** The item each pending "Write prompt" proposal is for: item → the proposal's version id. */
    Map<UUID, UUID> promptProposals(UserId reader, ProjectId project) {
        return prompts.proposals(reader, project);
    }

    @Transactional
    void delete(UserId actor, ProjectId project, UUID id, Integer version) {
        access.edit(actor, project, Section.STORY);
        MoodboardItem item = find(project, id);
        if (!items.delete(project.value(), id, version)) {
            throw stale(item);
        }
    }

    /** Where an item goes in a new order of the board: every item of the project, once, with the version the client read. */
    record Placement(UUID id, Integer version, String beatKey, Integer keyActionIndex) {
    }

    /**
     * Puts the whole board in the order given: each beat's items (and each key action's) take the order they come in.
     * All or nothing: an item missing, unknown or given twice is 400, an item changed since the client read it is 409.
     */
    @Transactional
    List<MoodboardItem> reorder(UserId actor, ProjectId project, List<Placement> order) {
        access.edit(actor, project, Section.STORY);
        MoodboardBeats.Structure structure = beats.of(project, Locale.ENGLISH);
        List<MoodboardItem> current = items.lockAll(project.value());
        Map<UUID, MoodboardItem> byId = new HashMap<>();
        current.forEach(item -> byId.put(item.id(), item));
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        List<MoodboardBeats.Beat> placed = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Placement p = order.get(i);
            String at = "items[" + i + "]";
            if (p == null || p.id() == null) {
                errors.add(new FieldError(at + ".id", "is required"));
            } else if (!byId.containsKey(p.id())) {
                errors.add(new FieldError(at + ".id", "is not an item of this moodboard"));
            } else if (!seen.add(p.id())) {
                errors.add(new FieldError(at + ".id", "is listed twice"));
            }
            if (p != null && p.version() == null) {
                errors.add(new FieldError(at + ".version", "is required: the version you read"));
            }
            MoodboardItem known = p == null || p.id() == null ? null : byId.get(p.id());
            if (known != null && known.beatKey().equals(p.beatKey()) && structure.beat(p.beatKey()).isEmpty()) {
                // An item of a beat the structure no longer has may stay where it is; it can only move onto a beat that exists.
                if (!Objects.equals(known.keyActionIndex(), p.keyActionIndex())) {
                    errors.add(new FieldError(at + ".key_action_index", "must stay as it is while the item is not on a beat of the structure"));
                }
                placed.add(new MoodboardBeats.Beat(known.beatIndex(), known.beatKey(), known.beatKey(), 0, null, List.of()));
                continue;
            }
            try {
                placed.add(p == null ? null : place(structure, p.beatKey(), p.keyActionIndex(), at + ".beat_key", at + ".key_action_index"));
            } catch (ProblemException e) {
                errors.addAll(fieldErrorsOf(e));
            }
        }
        if (errors.isEmpty() && seen.size() != current.size()) {
            errors.add(new FieldError("items", "must list every item of the moodboard once (" + current.size() + " items)"));
        }
        if (!errors.isEmpty()) {
            throw MoodboardChanges.invalid(errors);
        }
        for (Placement p : order) {
            MoodboardItem item = byId.get(p.id());
            if (item.version() != p.version()) {
                throw stale(item);
            }
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            Placement p = order.get(i);
            MoodboardBeats.Beat beat = placed.get(i);
            int position = positions.merge(beat.key() + "#" + p.keyActionIndex(), 1, Integer::sum) - 1;
            MoodboardItem item = byId.get(p.id());
            if (item.beatIndex() != beat.index() || !item.beatKey().equals(beat.key()) || !Objects.equals(item.keyActionIndex(), p.keyActionIndex())
                    || item.position() != position) {
                items.place(project.value(), item.id(), item.version(), beat.index(), beat.key(), p.keyActionIndex(), position);
            }
        }
        return items.list(project.value());
    }

    /** Swaps an item with its neighbour among the items of its beat (or key action): the page's buttons, which work without scripts. */
    @Transactional
    void move(UserId actor, ProjectId project, UUID id, Integer version, boolean up) {
        access.edit(actor, project, Section.STORY);
        List<MoodboardItem> current = items.lockAll(project.value());
        MoodboardItem item = current.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(Moodboards::notFound);
        if (version == null || item.version() != version) {
            throw stale(item);
        }
        List<MoodboardItem> group = current.stream()
                .filter(i -> i.beatKey().equals(item.beatKey()) && Objects.equals(i.keyActionIndex(), item.keyActionIndex())).toList();
        int at = group.indexOf(item);
        int to = up ? at - 1 : at + 1;
        if (to < 0 || to >= group.size()) {
            return;
        }
        List<MoodboardItem> reordered = new ArrayList<>(group);
        reordered.set(at, group.get(to));
        reordered.set(to, item);
        for (int position = 0; position < reordered.size(); position++) {
            MoodboardItem each = reordered.get(position);
            if (each.position() != position) {
                items.place(project.value(), each.id(), each.version(), each.beatIndex(), each.beatKey(), each.keyActionIndex(), position);
            }
        }
    }

    /** Splits a beat into its key actions: an item for each key action that has none yet (400 for a beat without key actions). */
    @Transactional
    List<MoodboardItem> split(UserId actor, ProjectId project, String beatKey) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        MoodboardBeats.Beat beat = place(beats.of(project, Locale.ENGLISH), beatKey, null, "beat_key", "key_action_index");
        if (beat.keyActions().isEmpty()) {
            throw MoodboardChanges.invalid(List.of(new FieldError("beat_key", "has no key actions to split into; write them on the story page")));
        }
        Set<Integer> covered = new HashSet<>();
        items.lockAll(project.value()).stream().filter(i -> i.beatKey().equals(beat.key()) && i.keyActionIndex() != null)
                .forEach(i -> covered.add(i.keyActionIndex()));
        List<MoodboardItem> made = new ArrayList<>();
        for (MoodboardBeats.KeyAction action : beat.keyActions()) {
            if (!covered.contains(action.index())) {
                MoodboardChanges described = new MoodboardChanges(action.text(), null, null, null, null, null, null, null, null);
                made.add(find(project, items.insert(project.value(), beat.index(), beat.key(), action.index(),
                        described.checked(view.organizationId(), images))));
            }
        }
        return made;
    }

    /**
     * Stores an uploaded picture (images only, 415 otherwise) and makes it the item's. The picture it replaces stays in the
     * media library: a picked picture may be used elsewhere too, and the library is where people clear their files.
     */
    MoodboardItem upload(UserId actor, ProjectId project, UUID id, String originalName, InputStream content) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        find(project, id);
        String reference = images.upload(actor, view, "moodboard", originalName, content);
        if (!items.picture(project.value(), id, reference)) {
            images.discard(actor, view.organizationId(), reference);
            throw notFound();
        }
        return find(project, id);
    }

    /** The project's organization, when the caller may see the project (404 otherwise). */
    OrganizationId organization(UserId actor, ProjectId project) {
        return access.read(actor, project).organizationId();
    }

    MoodboardItem find(ProjectId project, UUID id) {
        return items.find(project.value(), id).orElseThrow(Moodboards::notFound);
    }

    /** The beat a write names, checked against the project's structure and the beat's key actions (400 otherwise). */
    static MoodboardBeats.Beat place(MoodboardBeats.Structure structure, String beatKey, Integer keyActionIndex, String beatField,
            String keyActionField) {
        if (beatKey == null || beatKey.isBlank()) {
            throw MoodboardChanges.invalid(List.of(new FieldError(beatField, "is required")));
        }
        MoodboardBeats.Beat beat = structure.beat(beatKey).orElseThrow(() -> MoodboardChanges.invalid(List.of(
                new FieldError(beatField, "is not a beat of this project's structure (" + structure.name() + ")"))));
        if (keyActionIndex != null && (keyActionIndex < 0 || keyActionIndex >= beat.keyActions().size())) {
            throw MoodboardChanges.invalid(List.of(new FieldError(keyActionField, beat.keyActions().isEmpty()
                    ? "must be empty: this beat has no key actions"
                    : "must be from 0 to " + (beat.keyActions().size() - 1) + " (the beat's key actions)")));
        }
        return beat;
    }

    private static List<FieldError> fieldErrorsOf(ProblemException e) {
        List<FieldError> errors = new ArrayList<>();
        if (e.properties().get("errors") instanceof List<?> list) {
            list.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast).forEach(errors::add);
        }
        return errors;
    }

    static ProblemException stale(MoodboardItem current) {
        return new ProblemException(ProblemType.CONCURRENT_CHANGE,
                "Someone changed this moodboard item since you read it; read it again and retry.",
                Map.of("current_version", current.version()));
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such moodboard item.");
    }
}
