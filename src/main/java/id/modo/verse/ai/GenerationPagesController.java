package id.modo.verse.ai;

import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The pages' way to generate (the session cookie and its CSRF token, where the API takes bearer tokens): the same
 * checks, credits and stream as the API's streamed answer. A refusal before the stream (no provider, no credits, a
 * busy plan) arrives as the stream's one {@code error} event, so {@code static/js/ai-generate.js} reads one format.
 */
@Controller
class GenerationPagesController {

    private static final String INPUT = "input.";

    private final GenerationRequests requests;
    private final GenerationStreams streams;

    GenerationPagesController(GenerationRequests requests, GenerationStreams streams) {
        this.requests = requests;
        this.streams = streams;
    }

    @PostMapping(path = "/organizations/{orgId}/ai/generations", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter generate(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @RequestParam String type,
            @RequestParam(name = "project_id", required = false) UUID projectId,
            @RequestParam(required = false) String language, @RequestParam Map<String, String> form) {
        Map<String, Object> input = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(INPUT) && value != null && !value.isBlank()) {
                input.put(name.substring(INPUT.length()), value);
            }
        });
        try {
            return streams.answer(requests.start(caller.id(), orgId, new GenerationRequests.NewGeneration(type, input, projectId, language),
                    GenerationMode.STREAM));
        } catch (ProblemException refused) {
            return streams.refused(refused);
        }
    }
}
