package id.modo.probe;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lives outside {@code id.modo.verse} so the app's component scan never finds it.
 * A test-only API endpoint that exercises the error paths every real endpoint shares
 * (validation, body parsing, type conversion, unexpected failures), registered only in
 * {@link id.modo.verse.support.IntegrationTest} contexts (as a member class of this imported configuration).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestProbes {

    public enum Genre { DRAMA, COMEDY, ANIMATION }

    public record ProbeRequest(@NotBlank @Size(max = 20) String title, Genre genre, @Min(1) Integer episodeCount,
            @Schema(types = "string", format = "decimal", description = "money, as a decimal string") BigDecimal goalAmount) {
    }

    public record ProbeResponse(String title, Genre genre, Integer episodeCount, BigDecimal goalAmount, OffsetDateTime createdAt) {
    }

    @RestController
    @RequestMapping("/api/v1/test-probe")
    static class ProbeController {

        @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
        ProbeResponse create(@Valid @RequestBody ProbeRequest request) {
            return new ProbeResponse(request.title(), request.genre(), request.episodeCount(), request.goalAmount(),
                    OffsetDateTime.parse("2026-11-25T10:15:30+07:00"));
        }

        @GetMapping
        Map<String, Object> find(@RequestParam int page) {
            return Map.of("page", page);
        }

        @GetMapping("/failure")
        Map<String, Object> failure() {
            throw new IllegalStateException("org.postgresql.util.PSQLException: relation \"secret_table\" does not exist");
        }

        /** What JPA throws when another request changed the same row first (a failed {@code @Version} check). */
        @GetMapping("/version-conflict")
        Map<String, Object> versionConflict() {
            throw new ObjectOptimisticLockingFailureException("id.modo.verse.billing.Subscription",
                    java.util.UUID.fromString("6ddbc73f-8549-4fb7-8efd-0c4f672d14df"));
        }
    }
}
