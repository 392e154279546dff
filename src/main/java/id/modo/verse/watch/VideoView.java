package id.modo.verse.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An uploaded video as its publisher sees it: {@code state} processing, ready or failed (with the reason), the job that
 * transcodes it, and the renditions made so far. {@code playable} is true once renditions exist (a replacement keeps
 * the old ones playing while it transcodes).
 */
public record VideoView(VideoId id, ContentId contentId, EpisodeId episodeId, String state, String failureReason, UUID jobId,
        BigDecimal durationSeconds, Integer width, Integer height, List<Integer> renditionHeights, String masterPlaylistUrl,
        String posterUrl, Instant updatedAt) {

    public boolean playable() {
        return !renditionHeights.isEmpty();
    }
}
