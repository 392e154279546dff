package id.modo.verse.common.jobs;

import id.modo.verse.common.web.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Tag(name = "Jobs", description = "Long tasks running in the background (exports, generation): state, live progress, cancel and retry")
@RestController
class JobsApiController {

    private final Jobs jobs;
    private final JobStreams streams;

    JobsApiController(Jobs jobs, JobStreams streams) {
        this.jobs = jobs;
        this.streams = streams;
    }

    @Operation(summary = "A job", description = """
            `state` is pending, running, completed, failed or cancelled; `done` of `total` units are done (`total` is 0 \
            until the job knows it). A job someone else started is 404 unless its kind lets you see it (a project's \
            export: the project's readers).""")
    @GetMapping("/api/v1/jobs/{jobId}")
    JobResponse get(@AuthenticationPrincipal SignedIn caller, @PathVariable UUID jobId) {
        return JobResponse.of(jobs.get(caller.userId(), jobId));
    }

    @Operation(summary = "A job's progress as server-sent events", description = """
            Event `job` with the job as `GET /api/v1/jobs/{jobId}` answers it: once at the start, then on every \
            change; a comment line every 15 s keeps the stream open. The stream ends after the job completes, \
            fails or is cancelled.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(type = "string")))
    @GetMapping(path = "/api/v1/jobs/{jobId}/events", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE})
    SseEmitter events(@AuthenticationPrincipal SignedIn caller, @PathVariable UUID jobId) {
        return streams.open(jobs.get(caller.userId(), jobId));
    }

    @Operation(summary = "Cancel a job", description = """
            A pending job is cancelled at once; a running one stops at its next step (`cancel_requested` until \
            then). A job that has ended is 409 `illegal-transition`.""")
    @PostMapping("/api/v1/jobs/{jobId}/cancel")
    JobResponse cancel(@AuthenticationPrincipal SignedIn caller, @PathVariable UUID jobId) {
        return JobResponse.of(jobs.cancel(caller.userId(), jobId));
    }

    @Operation(summary = "Retry a job", description = """
            Runs a failed or cancelled job again from the start; any other state is 409 `illegal-transition`.""")
    @PostMapping("/api/v1/jobs/{jobId}/retry")
    JobResponse retry(@AuthenticationPrincipal SignedIn caller, @PathVariable UUID jobId) {
        return JobResponse.of(jobs.retry(caller.userId(), jobId));
    }

    @Operation(summary = "The file a completed job made", description = "404 until the job completed, and for jobs that make no file.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/jobs/{jobId}/output")
    ResponseEntity<byte[]> output(@AuthenticationPrincipal SignedIn caller, @PathVariable UUID jobId) {
        return JobPagesController.download(jobs.output(caller.userId(), jobId));
    }
}
