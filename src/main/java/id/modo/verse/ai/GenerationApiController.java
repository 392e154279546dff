package id.modo.verse.ai;

import id.modo.verse.common.web.SignedIn;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Tag(name = "AI generations", description = "Text and images through the AI gateway, charged exactly in credits")
@RestController
class GenerationApiController {

    private final GenerationRequests requests;
    private final GenerationStreams streams;

    GenerationApiController(GenerationRequests requests, GenerationStreams streams) {
        this.requests = requests;
        this.streams = streams;
    }

    /**
     * @param type      a generation type: premise, logline, synopsis, story_structure, want_need, key_actions,
     *                  character_profile, character_image, universe, moodboard_prompt, moodboard_image, script_scene,
     *                  performance_suggestions, beat_video (a job; input prompt, seconds, size)
     * @param input     the inputs the type's prompt template takes (strings, or lists of strings such as beats)
     * @param projectId the project it is for, which must be one the caller may edit in this organization
     * @param language  the language to write in: {@code en} (English) or {@code id} (Bahasa Indonesia); fills the
     *                  template's {@code language} input (which, given directly, takes the same codes)
     */
    record CreateRequest(@NotBlank String type, Map<String, Object> input, UUID projectId,
            @Schema(allowableValues = {"en", "id"}, nullable = true) String language) {
    }

    @Operation(summary = "Generate", description = """
            Holds the type's price in credits, calls the provider, and charges exactly what the answer cost (nothing when \
            there was none). A text type answers 200 with the whole generation; with `Accept: text/event-stream` it streams \
            (event `token` with `{"text": …}` deltas, then `generation` with the generation, or `error` with a problem \
            document; a structured type streams its raw JSON, and event `discarded` says the text so far was an answer \
            that did not fit its schema, thrown away, and another follows). Images, and any type asked for with `Prefer: respond-async`, answer 202 with `Location` and wait \
            their turn as a job. Members who edit content; 400 for an unknown type (with `allowed`), missing inputs or a \
            `language` other than `en` or `id`, \
            404 for a project not the caller's, 409 `ai-not-configured` when no provider serves the organization (nothing \
            is held), 429 `ai-concurrency-limit` (with `limit`) when the plan's generations at once are all busy, 429 \
            over the per-user rate, 402 `insufficient-credits`.""")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GenerationResponse.class)))
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = GenerationResponse.class)))
    @PostMapping("/api/v1/organizations/{orgId}/ai/generations")
    ResponseEntity<?> generate(@AuthenticationPrincipal SignedIn caller, @PathVariable OrganizationId orgId,
            @Valid @RequestBody CreateRequest body,
            @Parameter(description = "respond-async: answer 202 and run it as a job") @RequestHeader(name = "Prefer", required = false) String prefer,
            @Parameter(hidden = true) @RequestHeader(name = "Accept", required = false) String accept) {
        UserId user = UserId.of(caller.userId());
        GenerationRequests.NewGeneration request = new GenerationRequests.NewGeneration(body.type(), body.input(), body.projectId(), body.language());
        if (async(body.type(), prefer)) {
            Generation generation = requests.begin(user, orgId, request, GenerationMode.JOB);
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/ai/generations/" + generation.id()))
                    .body(GenerationResponse.of(generation));
        }
        // One mapping reads Accept itself: two mappings split by "produces" would tie for a client that accepts anything.
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            GenerationRequests.Started started = requests.start(user, orgId, request, GenerationMode.STREAM);
            return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(streams.answer(started));
        }
        return ResponseEntity.ok(GenerationResponse.of(requests.answer(requests.start(user, orgId, request, GenerationMode.SYNC), null)));
    }

    @Operation(summary = "A generation", description = "Any member of its organization; another organization's, or a missing one, is 404.")
    @GetMapping("/api/v1/ai/generations/{generationId}")
    GenerationResponse get(@AuthenticationPrincipal SignedIn caller, @PathVariable GenerationId generationId) {
        return GenerationResponse.of(requests.get(UserId.of(caller.userId()), generationId));
    }

    @Operation(summary = "A generation's progress as server-sent events", description = """
            Event `generation` with the generation as `GET` answers it, at the start and on every change (a job's \
            progress in event `progress`: `{"percent", "message"}`); the stream ends once it completed, failed or was \
            cancelled.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @GetMapping(path = "/api/v1/ai/generations/{generationId}/events", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE})
    SseEmitter events(@AuthenticationPrincipal SignedIn caller, @PathVariable GenerationId generationId) {
        UserId user = UserId.of(caller.userId());
        return streams.follow(user, requests.get(user, generationId));
    }

    @Operation(summary = "Cancel a generation", description = """
            A waiting or running generation ends cancelled and its held credits come back (once; an answer arriving \
            afterwards is not charged). One that has ended is 409 `illegal-transition`. Members who edit content.""")
    @PostMapping("/api/v1/ai/generations/{generationId}/cancel")
    GenerationResponse cancel(@AuthenticationPrincipal SignedIn caller, @PathVariable GenerationId generationId) {
        return GenerationResponse.of(requests.cancel(UserId.of(caller.userId()), generationId));
    }

    private static boolean async(String type, String prefer) {
        // Pictures and videos take too long to answer in the request.
        boolean media = type != null && java.util.Arrays.stream(GenerationType.values())
                .anyMatch(t -> t.key().equals(type) && t.kind() != ModelKind.TEXT);
        return media || (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async"));
    }
}
