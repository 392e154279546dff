package id.modo.verse.common.jobs;

import id.modo.verse.common.web.ListFilters;
import id.modo.verse.common.web.SignedIn;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The same progress stream and download for pages, which sign in with the session cookie where the API
 * takes bearer tokens (static/js/jobs.js reads the stream into a progress bar).
 */
@Controller
class JobPagesController {

    private final Jobs jobs;
    private final JobStreams streams;

    JobPagesController(Jobs jobs, JobStreams streams) {
        this.jobs = jobs;
        this.streams = streams;
    }

    @GetMapping(path = "/jobs/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal SignedIn caller, @PathVariable String jobId) {
        return streams.open(jobs.get(caller.userId(), id(jobId)));
    }

    @GetMapping("/jobs/{jobId}/output")
    ResponseEntity<byte[]> output(@AuthenticationPrincipal SignedIn caller, @PathVariable String jobId) {
        return download(jobs.output(caller.userId(), id(jobId)));
    }

    static ResponseEntity<byte[]> download(JobStore.Output output) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(output.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(output.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(output.content());
    }

    /** A malformed id is a page that does not exist, as for any id in a page's address. */
    private static UUID id(String value) {
        UUID id = ListFilters.pathId(value);
        if (id == null) {
            throw Jobs.notFound();
        }
        return id;
    }
}
