package id.modo.verse.studio.moodboard;

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
import id.modo.verse.studio.ai.ProjectAiSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * "Write prompt" and "Generate image" for a moodboard item, through the AI gateway's generation requests, so the price is
 * held and charged exactly as for every other generation. Both run as jobs: the item remembers its generation
 * ({@code generation_id} while its picture is {@code generating}, {@code prompt_generation_id} while its prompt is being
 * written), and the next look at the board settles an ended generation into the item. Settling on read needs no
 * listener in the gateway and survives a restart: a generation that ended while nobody looked is settled later. A
 * written prompt is settled as a proposal beside the item's prompt ({@link MoodboardPrompts}), never over it.
 */
@Component
class MoodboardAi {

    private final GenerationRequests requests;
    private final MoodboardItems items;
    private final MoodboardBeats beats;
    private final ProjectAccess access;
    private final MoodboardPrompts prompts;
    private final ProjectAiSettings settings;

    MoodboardAi(GenerationRequests requests, MoodboardItems items, MoodboardBeats beats, ProjectAccess access, MoodboardPrompts prompts,
            ProjectAiSettings settings) {
        this.requests = requests;
        this.prompts = prompts;
        this.settings = settings;
        this.items = items;
        this.beats = beats;
        this.access = access;
    }

    /**
     * Starts writing the item's image prompt from its beat's text, its description, style and mood, in the project's AI
     * settings (tone, audience, and its language unless {@code language} is given); 409 while one is written.
     */
    MoodboardItem writePrompt(UserId actor, ProjectId project, UUID id, String language) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        ProjectAiSettings.Settings projectSettings = settings.get(actor, project);
        MoodboardItem item = items.find(project.value(), id).orElseThrow(Moodboards::notFound);
        if (item.writingPrompt()) {
            throw busy("A prompt is being written for this item already.");
        }
        MoodboardBeats.Beat beat = beats.of(project, Locale.ENGLISH).beat(item.beatKey()).orElse(null);
        String premise = join("\n", beat == null ? null : beat.text(), keyAction(beat, item), item.description());
        if (premise == null) {
            throw MoodboardChanges.invalid(List.of(new FieldError("description",
                    "describe the item, or write its beat on the story page, so there is something to write a prompt from")));
        }
        Map<String, Object> input = input("premise", premise, "genre", view.genre(),
                "tone", projectSettings.tone(), "audience", projectSettings.audience(),
                "title", join(": ", view.title(), beat == null ? null : beat.title()),
                "palette", join("; ", item.animationStyle() == null ? null : "style " + item.animationStyle(),
                        item.colorMood() == null ? null : "colours " + item.colorMood(), item.lighting() == null ? null : "light " + item.lighting()));
        Generation generation = requests.begin(actor, view.organizationId(),
                new GenerationRequests.NewGeneration(GenerationType.MOODBOARD_PROMPT.key(), input, project.value(),
                        language != null ? language : projectSettings.language()), GenerationMode.JOB);
        if (!items.claimPrompt(project.value(), id, generation.id().value())) {
            requests.cancel(actor, generation.id());
            throw busy("A prompt is being written for this item already.");
        }
        return items.find(project.value(), id).orElseThrow(Moodboards::notFound);
    }

    /** Starts making the item's picture from its prompt (else its description, else its beat); the item is {@code generating}. */
    MoodboardItem generateImage(UserId actor, ProjectId project, UUID id) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        MoodboardItem item = items.find(project.value(), id).orElseThrow(Moodboards::notFound);
        MoodboardBeats.Beat beat = beats.of(project, Locale.ENGLISH).beat(item.beatKey()).orElse(null);
        String prompt = Stream.of(item.aiPrompt(), item.description(), keyAction(beat, item), beat == null ? null : beat.text())
                .filter(text -> text != null && !text.isBlank()).findFirst().orElse(null);
        if (prompt == null) {
            throw MoodboardChanges.invalid(List.of(new FieldError("ai_prompt",
                    "write a prompt or a description first (or the beat's text on the story page)")));
        }
        if (!items.claimGenerating(project.value(), id)) {
            throw busy("A picture is being made for this item already.");
        }
        Generation generation;
        try {
            generation = requests.begin(actor, view.organizationId(), new GenerationRequests.NewGeneration(GenerationType.MOODBOARD_IMAGE.key(),
                    input("prompt", prompt, "genre", view.genre(), "tone", join(", ", item.colorMood(), item.lighting()),
                            "style", item.animationStyle()), project.value(), null), GenerationMode.JOB);
        } catch (RuntimeException e) {
            // Nothing was held: the item goes back to what it was, so a missing provider or credits leave no trace.
            items.release(id, item.status(), item.errorMessage());
            throw e;
        }
        items.generating(id, generation.id().value());
        return items.find(project.value(), id).orElseThrow(Moodboards::notFound);
    }

    /** Settles every ended generation of the items into them; true when one changed. */
    boolean settle(UserId reader, List<MoodboardItem> all) {
        boolean changed = false;
        for (MoodboardItem item : all) {
            if (item.generating() && item.generationId() != null) {
                Generation generation = generation(reader, item.generationId());
                if (generation == null || generation.status().terminal()) {
                    String image = generation != null && generation.status() == GenerationStatus.COMPLETED && generation.resultAssetId() != null
                            ? "/media/" + generation.resultAssetId() : null;
                    changed |= items.settleImage(item.id(), item.generationId(), image, reason(generation));
                }
            }
            if (item.writingPrompt()) {
                Generation generation = generation(reader, item.promptGenerationId());
                if (generation == null || generation.status().terminal()) {
                    String text = generation != null && generation.status() == GenerationStatus.COMPLETED ? generation.resultText() : null;
                    changed |= prompts.settle(item, generation, text == null ? null : text.strip(), text == null ? reason(generation) : null);
                }
            }
        }
        return changed;
    }

    private Generation generation(UserId reader, UUID id) {
        try {
            return requests.get(reader, GenerationId.of(id));
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static String reason(Generation generation) {
        if (generation == null) {
            return "The generation is gone.";
        }
        if (generation.status() == GenerationStatus.CANCELLED) {
            return "The generation was cancelled.";
        }
        return generation.error() != null ? generation.error() : "The AI provider gave no picture.";
    }

    private static String keyAction(MoodboardBeats.Beat beat, MoodboardItem item) {
        if (beat == null || item.keyActionIndex() == null || item.keyActionIndex() >= beat.keyActions().size()) {
            return null;
        }
        return beat.keyActions().get(item.keyActionIndex()).text();
    }

    private static ProblemException busy(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    /** The template's inputs that have a value: a missing optional one leaves its line out of the prompt. */
    private static Map<String, Object> input(String... keysAndValues) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null && !keysAndValues[i + 1].isBlank()) {
                input.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return input;
    }

    private static String join(String separator, String... parts) {
        String joined = Stream.of(parts).filter(p -> p != null && !p.isBlank()).map(String::strip).collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }
}
