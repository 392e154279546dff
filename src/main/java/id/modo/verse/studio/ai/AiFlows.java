package id.modo.verse.studio.ai;

import id.modo.verse.ai.Generation;
import id.modo.verse.ai.GenerationRequests;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.Versions;
import id.modo.verse.studio.WordDiff;
import id.modo.verse.studio.character.CharacterDrafts;
import id.modo.verse.studio.script.ScriptDrafts;
import id.modo.verse.studio.story.StoryDrafts;
import id.modo.verse.studio.story.StoryDrafts.Draft;
import id.modo.verse.studio.story.StoryDrafts.StoryText;
import id.modo.verse.studio.universe.UniverseDrafts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a Studio AI flow for a project: its prompt is filled from the project's own text and AI settings (the client
 * adds only what the project does not hold, such as an idea), the gateway generates it with exact credits, and the
 * result is kept as a proposal ({@link Versions#propose}) beside the current text, never over it.
 */
@Service
public class AiFlows {

    /**
     * What the client may add to a flow's prompt: the idea of a premise, the beat of key actions or a scene, the
     * character of want/need, the character (by id) and short description of a profile.
     */
    public record FlowInput(String idea, String beat, String character, String characterId, String description) {
        static final FlowInput NONE = new FlowInput(null, null, null, null, null);
    }

    /** A proposal with the section's current number (the base to accept it from) and its word diff against the current text. */
    public record Proposal(AiFlow flow, Version version, int baseVersion, List<WordDiff.Segment> diff, Generation generation) {
    }

    static final int MAX_INPUT = 4_000;

    private final ProjectAccess access;
    private final ProjectAiSettings settings;
    private final StoryDrafts stories;
    private final ScriptDrafts scripts;
    private final CharacterDrafts characters;
    private final UniverseDrafts universes;
    private final GenerationRequests generations;
    private final Versions versions;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    AiFlows(ProjectAccess access, ProjectAiSettings settings, StoryDrafts stories, ScriptDrafts scripts, CharacterDrafts characters, UniverseDrafts universes,
            GenerationRequests generations, Versions versions, TransactionTemplate transactions, JsonMapper json) {
        this.universes = universes;
        this.access = access;
        this.settings = settings;
        this.stories = stories;
        this.scripts = scripts;
        this.characters = characters;
        this.generations = generations;
        this.versions = versions;
        this.transactions = transactions;
        this.json = json;
    }

    /** 404 listing the flows for a name that is none. */
    public static AiFlow flow(String key) {
        return AiFlow.fromKey(key).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "There is no AI flow '" + key + "'. The flows are " + String.join(", ", AiFlow.keys()) + ".", Map.of("flows", AiFlow.keys())));
    }

    /** A flow checked and its prompt filled, ready for the gateway: what {@link #keep} needs to make its result a proposal. */
    public record Prepared(AiFlow flow, FlowInput input, ProjectId project, ProjectView view, StoryText story,
            CharacterDrafts.CharacterText character, GenerationRequests.NewGeneration request) {
    }

    /**
     * Checks who asks (404 for a project they do not see, 403 without the flow's section) and what the flow needs
     * (400 with a field error each), and fills its prompt; nothing is held yet.
     */
    public Prepared prepare(UserId actor, ProjectId project, AiFlow flow, FlowInput given) {
        FlowInput input = given == null ? FlowInput.NONE : given;
        ProjectView view = access.edit(actor, project, flow.section());
        ProjectAiSettings.Settings projectSettings = settings.of(project.value());
        StoryText story = stories.text(actor, project);
        CharacterDrafts.CharacterText character = flow == AiFlow.CHARACTER_PROFILE && input.characterId() != null
                ? characters.text(actor, project, characterId(input.characterId())) : null;
        Map<String, Object> prompt = prompt(flow, input, view, projectSettings, story, character);
        if (flow == AiFlow.SCRIPT_SCENE) {
            put(prompt, "previous_scene", scripts.ending(actor, project));
        }
        return new Prepared(flow, input, project, view, story, character,
                new GenerationRequests.NewGeneration(flow.type().key(), prompt, project.value(), projectSettings.language()));
    }

    /** Generates in the request and keeps the result as proposals. */
    public List<Proposal> propose(UserId actor, ProjectId project, AiFlow flow, FlowInput given) {
        Prepared prepared = prepare(actor, project, flow, given);
        return keep(actor, prepared, generations.generate(actor, prepared.view().organizationId(), prepared.request()));
    }

    /**
     * Keeps a completed generation of a prepared flow as proposals beside the current text: one per part it writes
     * (a character profile writes several sections, each accepted or discarded on its own), in one transaction.
     */
    public List<Proposal> keep(UserId actor, Prepared prepared, Generation generation) {
        ProjectId project = prepared.project();
        List<Draft> drafts = drafts(actor, project, prepared, generation.resultText());
        List<Version> proposals = transactions.execute(status -> drafts.stream().map(draft -> versions.propose(project, draft.entityType(),
                draft.entityId(), draft.section(), draft.content(), actor, generation.id().value())).toList());
        return proposals.stream().map(proposal -> describe(prepared.flow(), proposal, generation)).toList();
    }

    /** A pending proposal with its diff against the current text now. */
    public Proposal get(UserId actor, ProjectId project, UUID versionId) {
        return describe(null, versions.proposal(actor, project, versionId), null);
    }

    /** The credits the project's generations took this calendar month, for its settings. */
    public int creditsThisMonth(ProjectId project) {
        return generations.projectCreditsThisMonth(project.value());
    }

    private Proposal describe(AiFlow flow, Version proposal, Generation generation) {
        int base = versions.current(proposal.entityType(), proposal.entityId(), proposal.section()).map(Version::number).orElse(0);
        return new Proposal(flow, proposal, base, versions.proposalDiff(proposal), generation);
    }

    private Map<String, Object> prompt(AiFlow flow, FlowInput input, ProjectView view, ProjectAiSettings.Settings projectSettings, StoryText story,
            CharacterDrafts.CharacterText character) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> prompt = new LinkedHashMap<>();
        put(prompt, "title", view.title());
        put(prompt, "genre", story.genre() != null ? story.genre() : view.genre());
        put(prompt, "tone", projectSettings.tone());
        put(prompt, "audience", projectSettings.audience());
        List<String> characterNames = List.copyOf(story.characters().values());
        switch (flow) {
            case PREMISE -> put(prompt, "idea", given(errors, "idea", input.idea()));
            case LOGLINE -> put(prompt, "premise", stored(errors, "premise", story.premise()));
            case SYNOPSIS -> {
                put(prompt, "premise", stored(errors, "premise", story.premise()));
                put(prompt, "logline", story.logline());
                list(prompt, "characters", characterNames);
                list(prompt, "beats", story.beatLines());
            }
            case BEATS -> {
                put(prompt, "synopsis", stored(errors, "synopsis", story.synopsis()));
                put(prompt, "structure", story.structureName());
                list(prompt, "beat_keys", story.beatKeys());
                list(prompt, "characters", characterNames);
            }
            case KEY_ACTIONS -> {
                String beat = given(errors, "beat", input.beat());
                if (beat != null && !story.beatKeys().contains(beat)) {
                    errors.add(new FieldError("beat", "must be one of " + String.join(", ", story.beatKeys())));
                }
                if (characterNames.isEmpty()) {
                    errors.add(new FieldError("characters", "the project has no characters yet: add one before generating key actions"));
                }
                put(prompt, "synopsis", stored(errors, "synopsis", story.synopsis()));
                if (beat != null && story.beatKeys().contains(beat)) {
                    put(prompt, "beat", beat + (story.beatTexts().containsKey(beat) ? ": " + story.beatTexts().get(beat) : ""));
                }
                list(prompt, "characters", characterNames);
                list(prompt, "character_names", characterNames);
            }
            case WANT_NEED -> {
                put(prompt, "premise", stored(errors, "premise", story.premise()));
                put(prompt, "synopsis", story.synopsis());
                String whose = input.character() != null && !input.character().isBlank() ? checked(errors, "character", input.character())
                        : characterNames.isEmpty() ? "the protagonist" : characterNames.getFirst();
                put(prompt, "character", whose);
            }
            case SCRIPT_SCENE -> {
                String beat = given(errors, "beat", input.beat());
                if (beat != null && !story.beatKeys().contains(beat)) {
                    errors.add(new FieldError("beat", "must be one of " + String.join(", ", story.beatKeys())));
                } else if (beat != null && !story.beatTexts().containsKey(beat)) {
                    errors.add(new FieldError("beat", "the beat has no text yet: write or generate the beats first"));
                } else if (beat != null) {
                    put(prompt, "scene", story.beatTexts().get(beat));
                }
                list(prompt, "characters", characterNames);
            }
            case CHARACTER_PROFILE -> {
                if (character == null) {
                    errors.add(new FieldError("character_id", "is required for this flow"));
                } else {
                    put(prompt, "name", character.name());
                    put(prompt, "role", character.role());
                    put(prompt, "age", character.age());
                }
                put(prompt, "description", given(errors, "description", input.description()));
                put(prompt, "premise", story.premise());
            }
            case UNIVERSE -> {
                put(prompt, "premise", stored(errors, "premise", story.premise()));
                put(prompt, "logline", story.logline());
                put(prompt, "synopsis", story.synopsis());
                list(prompt, "characters", characterNames);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        return prompt;
    }

    private List<Draft> drafts(UserId actor, ProjectId project, Prepared prepared, String result) {
        return switch (prepared.flow()) {
            case CHARACTER_PROFILE -> characters.profile(actor, project, prepared.character().id(), sections(result));
            case UNIVERSE -> universes.generated(actor, project, sections(result));
            default -> List.of(draft(actor, project, prepared.flow(), prepared.input(), prepared.story(), result));
        };
    }

    /** A structured answer of sections (section key → field → text), as the character and universe schemas shape it. */
    private Map<String, Map<String, String>> sections(String result) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        tree(result).properties().forEach(section -> {
            Map<String, String> values = new LinkedHashMap<>();
            section.getValue().properties().forEach(field -> values.put(field.getKey(), field.getValue().asString()));
            sections.put(section.getKey(), values);
        });
        return sections;
    }

    private Draft draft(UserId actor, ProjectId project, AiFlow flow, FlowInput input, StoryText story, String result) {
        return switch (flow) {
            case PREMISE, LOGLINE, SYNOPSIS -> stories.details(actor, project, flow.key(), result.strip());
            case BEATS -> {
                List<StoryDrafts.GeneratedBeat> beats = new ArrayList<>();
                for (JsonNode beat : tree(result).path("beats")) {
                    beats.add(new StoryDrafts.GeneratedBeat(beat.path("name").asString(), beat.path("description").asString().strip(),
                            beat.path("intensity").asInt()));
                }
                yield stories.beats(actor, project, beats);
            }
            case KEY_ACTIONS -> {
                Map<String, UUID> byName = new LinkedHashMap<>();
                story.characters().forEach((id, name) -> byName.putIfAbsent(name.toLowerCase(Locale.ROOT), id));
                Map<UUID, String> actions = new LinkedHashMap<>();
                for (JsonNode action : tree(result).path("actions")) {
                    UUID character = byName.get(action.path("character").asString().toLowerCase(Locale.ROOT));
                    String text = action.path("action").asString().strip();
                    String consequence = action.path("consequence").asString().strip();
                    // The schema held the names to the project's, so every action has its character; two of one character join.
                    actions.merge(character, consequence.isEmpty() ? text : text + " → " + consequence, (a, b) -> a + "\n" + b);
                }
                yield stories.keyActions(actor, project, input.beat(), actions);
            }
            case WANT_NEED -> {
                JsonNode answer = tree(result);
                String need = answer.path("need").asString().strip();
                String conflict = answer.path("conflict").asString().strip();
                yield stories.wantNeed(actor, project, answer.path("want").asString().strip(), conflict.isEmpty() ? need : need + "\n\n" + conflict);
            }
            case SCRIPT_SCENE -> scripts.withScene(actor, project, fountain(result));
            case CHARACTER_PROFILE, UNIVERSE -> throw new IllegalStateException("A profile or universe writes several sections: see drafts");
        };
    }

    /** The scene as Fountain: a model that wraps its answer in a Markdown code fence despite the prompt has it taken off. */
    static String fountain(String result) {
        String text = result.strip();
        if (text.startsWith("```")) {
            int firstLine = text.indexOf('\n');
            int fence = text.lastIndexOf("```");
            text = firstLine < 0 || fence <= firstLine ? text : text.substring(firstLine + 1, fence);
        }
        return text.strip();
    }

    private JsonNode tree(String result) {
        return json.readTree(result);
    }

    private static UUID characterId(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                    Map.of("errors", List.of(new FieldError("character_id", "must be a character's id"))));
        }
    }

    private static String given(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required for this flow"));
            return null;
        }
        return checked(errors, field, value);
    }

    private static String checked(List<FieldError> errors, String field, String value) {
        if (value.length() > MAX_INPUT) {
            errors.add(new FieldError(field, "must be at most " + MAX_INPUT + " characters"));
            return null;
        }
        return value.strip();
    }

    private static String stored(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "the story has no " + field + " yet: write or generate it first"));
        }
        return value;
    }

    private static void put(Map<String, Object> prompt, String name, String value) {
        if (value != null && !value.isBlank()) {
            prompt.put(name, value);
        }
    }

    private static void list(Map<String, Object> prompt, String name, List<String> values) {
        if (!values.isEmpty()) {
            prompt.put(name, values);
        }
    }
}
