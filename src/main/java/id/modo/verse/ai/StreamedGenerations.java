package id.modo.verse.ai;

import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streamed generations for other modules' pages: the gateway's checks, credits and stream ({@code token},
 * {@code discarded}, then {@code generation} or {@code error}), plus event {@code result} with what the caller kept of
 * a completed answer. A refusal before anything streams (no provider, no credits, an allotment used up) is the
 * stream's one {@code error} event, so a page's script reads one format.
 */
@Service
public class StreamedGenerations {

    private final GenerationRequests requests;
    private final GenerationStreams streams;

    StreamedGenerations(GenerationRequests requests, GenerationStreams streams) {
        this.requests = requests;
        this.streams = streams;
    }

    public SseEmitter stream(UserId user, OrganizationId organization, GenerationRequests.NewGeneration request, Function<Generation, Object> keep) {
        try {
            return streams.answer(requests.start(user, organization, request, GenerationMode.STREAM), keep);
        } catch (ProblemException refused) {
            return streams.refused(refused);
        }
    }

    /** A stream of one {@code error} event, for a request refused before it reached the gateway (a field missing). */
    public SseEmitter refused(ProblemException problem) {
        return streams.refused(problem);
    }
}
