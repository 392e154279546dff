package id.modo.verse.studio.ai;

import id.modo.verse.ai.Generation;
import id.modo.verse.ai.GenerationId;
import id.modo.verse.ai.GenerationMode;
import id.modo.verse.ai.GenerationRequests;
import id.modo.verse.ai.GenerationStatus;
import id.modo.verse.ai.GenerationType;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.character.CharacterDrafts;
import id.modo.verse.studio.character.CharacterView;
import id.modo.verse.studio.character.Characters;
import id.modo.verse.studio.section.StudioImages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A character's picture made by AI from its profile, as a proposal: the gateway generates it as a job (its credits held,
 * then charged exactly, as every image), the character remembers the generation ({@code characters.image_generation_id},
 * one proposal at a time), and its picture changes only when the user accepts. Discarding deletes the proposed picture
 * from the media library (its storage comes back) or, while it is still being made, cancels the generation (its hold
 * comes back, and the gateway keeps no picture of a cancelled generation).
 */
@Service
public class CharacterPictures {

    /** The longest description of a character's looks a prompt takes; a longer physiology is cut there. */
    static final int MAX_LOOKS = 4_000;

    /** A proposed picture: its generation (the proposal's id), how far it is, and the picture once made. */
    public record Proposal(UUID generationId, UUID characterId, GenerationStatus status, UUID jobId, String reference, String imageUrl,
            String error, int creditsPrice, Integer creditsCharged) {

        /** Waiting or being made: its job's progress can be followed, and it can be cancelled. */
        public boolean live() {
            return !status.terminal();
        }

        /** Made: it can be accepted. */
        public boolean ready() {
            return status == GenerationStatus.COMPLETED && reference != null;
        }

        public String statusKey() {
            return status.dbValue();
        }
    }

    private final ProjectAccess access;
    private final CharacterDrafts drafts;
    private final Characters characters;
    private final ProjectAiSettings settings;
    private final GenerationRequests generations;
    private final StudioImages images;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    CharacterPictures(ProjectAccess access, CharacterDrafts drafts, Characters characters, ProjectAiSettings settings, GenerationRequests generations,
            StudioImages images, JdbcClient jdbc, TransactionTemplate transactions) {
        this.access = access;
        this.drafts = drafts;
        this.characters = characters;
        this.settings = settings;
        this.generations = generations;
        this.images = images;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Starts making the character's picture from its looks (the physiological part), or from {@code description} when
     * the writer gives one; 400 when there is neither, 409 while another proposal waits, and the gateway's problems
     * (409 {@code ai-not-configured}, 402, 429, 409 {@code project-allotment-exceeded}) with nothing held.
     */
    public Proposal start(UserId actor, ProjectId project, UUID characterId, String description) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        CharacterDrafts.CharacterLooks looks = drafts.looks(actor, project, characterId);
        String given = description == null || description.isBlank() ? looks.looks() : description.strip();
        if (given == null) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", List.of(new FieldError("description",
                    "describe the character's looks (the physiological part) or send a description, so there is something to draw"))));
        }
        if (pendingOf(project, characterId).isPresent()) {
            throw waiting();
        }
        ProjectAiSettings.Settings projectSettings = settings.of(project.value());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("description", given.length() > MAX_LOOKS ? given.substring(0, MAX_LOOKS) : given);
        input.put("name", looks.name());
        putIfPresent(input, "genre", view.genre());
        putIfPresent(input, "tone", projectSettings.tone());
        Generation generation = generations.begin(actor, view.organizationId(),
                new GenerationRequests.NewGeneration(GenerationType.CHARACTER_IMAGE.key(), input, project.value(), null), GenerationMode.JOB);
        boolean claimed = jdbc.sql("""
                update characters set image_generation_id = ? where id = ? and project_id = ? and image_generation_id is null""")
                .params(generation.id().value(), characterId, project.value()).update() == 1;
        if (!claimed) {
            // Another click won between the check and here: this generation's hold comes back.
            generations.cancel(actor, generation.id());
            throw waiting();
        }
        return describe(view, characterId, generation);
    }

    /**
     * The character's proposal, if one waits, for who may edit characters (it is theirs to accept; readers of a public
     * project see the character as it is); 404 for a project the reader does not see.
     */
    public Optional<Proposal> of(UserId reader, ProjectId project, UUID characterId) {
        ProjectView view = access.read(reader, project);
        if (!view.canEdit(Section.CHARACTERS)) {
            return Optional.empty();
        }
        return pendingOf(project, characterId).map(generation -> describe(view, characterId, generation(reader, generation)));
    }

    /** A proposal by its id (its generation's); 404 when no character of the project waits on it. */
    public Proposal get(UserId reader, ProjectId project, UUID generationId) {
        ProjectView view = access.read(reader, project);
        UUID characterId = characterOf(project, generationId);
        return describe(view, characterId, generation(reader, generationId));
    }

    /**
     * Makes the proposed picture the character's main picture (its {@code /media/{assetId}} reference), the one it
     * replaces removed as an upload would; 409 while it is not made yet, 404 once accepted or discarded.
     */
    public CharacterView accept(UserId actor, ProjectId project, UUID generationId) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        UUID characterId = characterOf(project, generationId);
        Generation generation = generation(actor, generationId);
        if (generation.status() != GenerationStatus.COMPLETED || generation.resultAssetId() == null) {
            throw new ProblemException(ProblemType.CONFLICT, "The picture is " + generation.status().dbValue() + ", not made yet: accept it once it is.",
                    Map.of("status", generation.status().dbValue()));
        }
        String reference = "/media/" + generation.resultAssetId();
        String old = characters.get(actor, project, characterId).imageUrl();
        CharacterView changed = transactions.execute(status -> {
            if (!release(project, characterId, generationId)) {
                throw notFound();
            }
            return characters.changeImage(actor, project, characterId, null, reference);
        });
        if (old != null && !old.equals(reference)) {
            images.discard(actor, view.organizationId(), old);
        }
        return changed;
    }

    /** Drops the proposal (answering its character): a picture being made is cancelled, a made one deleted; 404 once accepted or discarded. */
    public UUID discard(UserId actor, ProjectId project, UUID generationId) {
        ProjectView view = access.edit(actor, project, Section.CHARACTERS);
        UUID characterId = characterOf(project, generationId);
        if (!release(project, characterId, generationId)) {
            throw notFound();
        }
        Generation generation = generation(actor, generationId);
        if (!generation.status().terminal()) {
            try {
                generation = generations.cancel(actor, generation.id());
            } catch (ProblemException ended) {
                // It ended between the read and the cancel: what it made is deleted below.
                generation = generation(actor, generationId);
            }
        }
        if (generation.status() == GenerationStatus.COMPLETED && generation.resultAssetId() != null) {
            images.discard(actor, view.organizationId(), "/media/" + generation.resultAssetId());
        }
        return characterId;
    }

    private Proposal describe(ProjectView view, UUID characterId, Generation generation) {
        String reference = generation.status() == GenerationStatus.COMPLETED && generation.resultAssetId() != null
                ? "/media/" + generation.resultAssetId() : null;
        return new Proposal(generation.id().value(), characterId, generation.status(), generation.jobId(), reference,
                images.url(view.organizationId(), reference), generation.error(), generation.creditsPrice(), generation.creditsCharged());
    }

    private Optional<UUID> pendingOf(ProjectId project, UUID characterId) {
        return jdbc.sql("select image_generation_id from characters where id = ? and project_id = ? and image_generation_id is not null")
                .params(characterId, project.value()).query(UUID.class).optional();
    }

    private UUID characterOf(ProjectId project, UUID generationId) {
        return jdbc.sql("select id from characters where project_id = ? and image_generation_id = ?")
                .params(project.value(), generationId).query(UUID.class).optional().orElseThrow(CharacterPictures::notFound);
    }

    /** Ends the proposal once: of two clicks racing, one finds it gone. */
    private boolean release(ProjectId project, UUID characterId, UUID generationId) {
        return jdbc.sql("update characters set image_generation_id = null where id = ? and project_id = ? and image_generation_id = ?")
                .params(characterId, project.value(), generationId).update() == 1;
    }

    private Generation generation(UserId reader, UUID id) {
        return generations.get(reader, GenerationId.of(id));
    }

    private static void putIfPresent(Map<String, Object> input, String name, String value) {
        if (value != null && !value.isBlank()) {
            input.put(name, value);
        }
    }

    private static ProblemException waiting() {
        return new ProblemException(ProblemType.CONFLICT, "A picture is proposed for this character already: accept or discard it first.");
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such picture proposal.");
    }
}
