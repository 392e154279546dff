package id.modo.verse.studio.ai;

import id.modo.verse.ai.Generation;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.VersionId;
import id.modo.verse.studio.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Studio AI", description = "AI flows across a project's bible, kept as proposals to accept or discard, and the project's AI settings")
@RestController
class AiFlowApiController {

    private final AiFlows flows;
    private final Versions versions;
    private final ProjectAiSettings settings;

    AiFlowApiController(AiFlows flows, Versions versions, ProjectAiSettings settings) {
        this.flows = flows;
        this.versions = versions;
        this.settings = settings;
    }

    /**
     * @param idea      what the premise is to be made of (premise only)
     * @param beat      the beat key whose key actions to write (key_actions only)
     * @param character whose want and need to write (want_need; default the first character)
     * @param characterId the character whose profile to write (character_profile)
     * @param description the writer's short description of that character (character_profile)
     */
    record FlowRequest(@Schema(nullable = true) String idea, @Schema(nullable = true) String beat, @Schema(nullable = true) String character,
            @Schema(nullable = true) String characterId, @Schema(nullable = true) String description) {
    }

    /** Another proposal the same generation made (a profile's other sections), to review on its own. */
    record RelatedProposal(UUID id, String section, int number, int baseVersion) {
    }

    record SegmentResponse(String kind, String text) {
    }

    record GenerationSummary(UUID id, String type, String status, int creditsPrice, @Schema(nullable = true) Integer creditsCharged,
            @Schema(nullable = true) String provider, @Schema(nullable = true) String model, String templateVersion) {
        static GenerationSummary of(Generation g) {
            return g == null ? null : new GenerationSummary(g.id().value(), g.type().key(), g.status().dbValue(), g.creditsPrice(),
                    g.creditsCharged(), g.provider(), g.model(), g.templateVersion());
        }
    }

    record ProposalResponse(UUID id, @Schema(nullable = true) String flow, String entityType, UUID entityId, String section, int number,
            @Schema(description = "the section's current version: send it back as base_version to accept") int baseVersion,
            String content, @Schema(description = "the proposal as people read it") String readable, List<SegmentResponse> diff,
            Instant createdAt, @Schema(nullable = true) GenerationSummary generation,
            @Schema(description = "every proposal the generation made, this one first (a profile proposes each section it writes)")
            List<RelatedProposal> proposals) {
    }

    record AcceptRequest(@NotNull @Min(0) Integer baseVersion) {
    }

    record AcceptedResponse(UUID id, String entityType, UUID entityId, String section, int number, String source, Instant createdAt) {
    }

    record SettingsBody(@Schema(nullable = true) String tone, @Schema(nullable = true) String audience,
            @Schema(allowableValues = {"en", "id"}) String language, @Schema(nullable = true, minimum = "1") Integer monthlyCreditAllotment) {
    }

    record SettingsResponse(@Schema(nullable = true) String tone, @Schema(nullable = true) String audience, String language,
            @Schema(nullable = true) Integer monthlyCreditAllotment,
            @Schema(description = "credits the project's generations took this calendar month (Asia/Jakarta)") int creditsThisMonth) {
    }

    @Operation(summary = "The project's AI settings", description = "Anyone who sees the project.")
    @GetMapping("/api/v1/projects/{projectId}/ai/settings")
    SettingsResponse settings(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        return response(projectId, settings.get(caller.id(), projectId));
    }

    @Operation(summary = "Change the project's AI settings", description = """
            Tone and audience (at most 200 characters each) fill every prompt of the project; `language` (`en` or `id`) is \
            what it writes in; `monthly_credit_allotment` (at least 1, or null for none) caps the credits the project's \
            generations take per calendar month in Asia/Jakarta (409 `project-allotment-exceeded` with `remaining`). \
            The project's producers and the organization's owners and admins.""")
    @PutMapping("/api/v1/projects/{projectId}/ai/settings")
    SettingsResponse putSettings(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @RequestBody SettingsBody body) {
        return response(projectId, settings.put(caller.id(), projectId,
                new ProjectAiSettings.Settings(body.tone(), body.audience(), body.language(), body.monthlyCreditAllotment())));
    }

    @Operation(summary = "Generate with an AI flow, as a proposal", description = """
            Flows: premise (needs `idea`), logline (from the premise), synopsis (from the premise, logline, characters and \
            beats), beats (the story's structure, from the synopsis; every beat named by a key of that structure, or the \
            answer is asked for again), key_actions (of one `beat`, for the project's characters), want_need (of a \
            `character`), script_scene (a Fountain scene from one written `beat`, added to the script's end), \
            character_profile (of `character_id` from a short `description`: its physiological, psychological and \
            emotional sections, each checked against its section's schema and proposed on its own), universe (from the \
            premise, logline, synopsis and characters: its details and each text section, checked and proposed like a \
            profile, the pictures kept). The prompt takes the project's own text and AI settings. The result is saved as a version with \
            source `ai` that is not current, answered with its word diff against the current text; accept or discard it. \
            404 listing `flows` for an unknown flow; 400 with field errors for what is missing; the gateway's problems \
            (409 `ai-not-configured`, 402, 429, 409 `project-allotment-exceeded`).""")
    @PostMapping("/api/v1/projects/{projectId}/ai/{flow}")
    @ResponseStatus(HttpStatus.CREATED)
    ProposalResponse generate(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @PathVariable String flow, @RequestBody(required = false) FlowRequest body) {
        AiFlow chosen = AiFlows.flow(flow);
        AiFlows.FlowInput input = body == null ? null
                : new AiFlows.FlowInput(body.idea(), body.beat(), body.character(), body.characterId(), body.description());
        List<AiFlows.Proposal> made = flows.propose(caller.id(), projectId, chosen, input);
        return response(made.getFirst(), made);
    }

    @Operation(summary = "A pending AI proposal", description = "With its word diff against the current text now. 404 once accepted or discarded.")
    @GetMapping("/api/v1/projects/{projectId}/ai/proposals/{versionId}")
    ProposalResponse proposal(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable VersionId versionId) {
        AiFlows.Proposal proposal = flows.get(caller.id(), projectId, versionId.value());
        return response(proposal, List.of(proposal));
    }

    @Operation(summary = "Accept an AI proposal", description = """
            Makes it the current text as a save would: `base_version` is the current version the user saw with it; a save \
            made since is 409 `edit-conflict`, as for two human saves.""")
    @PostMapping("/api/v1/projects/{projectId}/ai/proposals/{versionId}/accept")
    AcceptedResponse accept(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable VersionId versionId,
            @Valid @RequestBody AcceptRequest body) {
        Version v = versions.acceptProposal(caller.id(), projectId, versionId.value(), body.baseVersion());
        return new AcceptedResponse(v.id(), v.entityType(), v.entityId(), v.section(), v.number(), v.source().dbValue(), v.createdAt());
    }

    @Operation(summary = "Discard an AI proposal", description = "The text never changed; the proposal is gone.")
    @PostMapping("/api/v1/projects/{projectId}/ai/proposals/{versionId}/discard")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable VersionId versionId) {
        versions.discardProposal(caller.id(), projectId, versionId.value());
    }

    private SettingsResponse response(ProjectId project, ProjectAiSettings.Settings s) {
        return new SettingsResponse(s.tone(), s.audience(), s.language(), s.monthlyCreditAllotment(), flows.creditsThisMonth(project));
    }

    private ProposalResponse response(AiFlows.Proposal p, List<AiFlows.Proposal> made) {
        Version v = p.version();
        return new ProposalResponse(v.id(), p.flow() == null ? null : p.flow().key(), v.entityType(), v.entityId(), v.section(), v.number(),
                p.baseVersion(), v.content(), versions.readable(v),
                p.diff().stream().map(s -> new SegmentResponse(s.kind().name().toLowerCase(Locale.ROOT), s.text())).toList(), v.createdAt(),
                GenerationSummary.of(p.generation()), made.stream().map(m -> new RelatedProposal(m.version().id(), m.version().section(),
                        m.version().number(), m.baseVersion())).toList());
    }
}
