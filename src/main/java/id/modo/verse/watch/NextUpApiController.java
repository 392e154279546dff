package id.modo.verse.watch;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Watch catalogue")
@RestController
class NextUpApiController {

    private final NextUp nextUp;

    NextUpApiController(NextUp nextUp) {
        this.nextUp = nextUp;
    }

    record NextUpResponse(UUID contentId, String title, String posterUrl, UUID episodeId, int seasonNumber, int episodeNumber,
            String episodeTitle, String thumbnailUrl, Instant lastWatchedAt, boolean ready) {

        static NextUpResponse of(NextUp.Item i) {
            return new NextUpResponse(i.content().value(), i.title(), i.posterUrl(), i.episode().value(), i.seasonNumber(), i.episodeNumber(),
                    i.episodeTitle(), i.thumbnailUrl(), i.lastWatchedAt(), i.ready());
        }
    }

    @Operation(summary = "The next episode of each series I am watching", description = """
            For each series with a played episode: the episode after the last played one in season and episode order. \
            A finished series, or one not watched for a year, is left out; most recently watched first. `ready` says \
            whether its video is transcoded yet. One page: `next_cursor` is always null.""")
    @GetMapping("/api/v1/me/next-up")
    Page<NextUpResponse> nextUp(@AuthenticationPrincipal CurrentUser caller,
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit) {
        return new Page<>(nextUp.of(caller.id(), limit).stream().map(NextUpResponse::of).toList(), null);
    }
}
