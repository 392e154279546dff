package id.modo.verse.common.jobs;

import id.modo.verse.common.web.SignedIn;
import java.nio.charset.StandardCharsets;
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
    SseEmitter events(@AuthenticationPrincipal SignedIn caller, @PathVariable JobId jobId) {
        return streams.open(jobs.get(caller.userId(), jobId.value()));
    }

    @GetMapping("/jobs/{jobId}/output")
    ResponseEntity<byte[]> output(@AuthenticationPrincipal SignedIn caller, @PathVariable JobId jobId) {
        return download(jobs.output(caller.userId(), jobId.value()));
    }

    static ResponseEntity<byte[]> download(JobStore.Output output) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(output.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(output.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(output.content());
    }
}
