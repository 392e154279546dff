package id.modo.verse.watch;

import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamLinksTests {

    private static final byte[] KEY = "a key for the tests only, 32 bytes!".getBytes();
    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    private final VideoId video = VideoId.of(UUID.randomUUID());
    private final UserId viewer = UserId.of(UUID.randomUUID());

    @Test
    void aLinkWorksForItsViewerAndVideoUntilTheValidityPlusTheVideosLength() {
        String query = links(NOW).query(video, viewer, 90.2);
        String expires = param(query, "expires");
        assertThat(Long.parseLong(expires)).isEqualTo(NOW.getEpochSecond() + 600 + 91);
        assertThatCode(() -> links(NOW.plusSeconds(690)).require(video, viewer, expires, param(query, "signature"))).doesNotThrowAnyException();
        assertThat(problem(() -> links(NOW.plusSeconds(691)).require(video, viewer, expires, param(query, "signature"))))
                .isEqualTo(WatchProblems.STREAM_LINK_EXPIRED);
    }

    @Test
    void anotherViewerAnotherVideoAStretchedExpiryOrAnotherKeyDoNotVerify() {
        String query = links(NOW).query(video, viewer, 10);
        String expires = param(query, "expires");
        String signature = param(query, "signature");
        StreamLinks links = links(NOW);
        assertThat(problem(() -> links.require(video, UserId.of(UUID.randomUUID()), expires, signature))).isEqualTo(WatchProblems.STREAM_LINK_INVALID);
        assertThat(problem(() -> links.require(VideoId.of(UUID.randomUUID()), viewer, expires, signature))).isEqualTo(WatchProblems.STREAM_LINK_INVALID);
        assertThat(problem(() -> links.require(video, viewer, String.valueOf(Long.parseLong(expires) + 3600), signature)))
                .isEqualTo(WatchProblems.STREAM_LINK_INVALID);
        assertThat(problem(() -> links.require(video, viewer, null, null))).isEqualTo(WatchProblems.STREAM_LINK_INVALID);
        assertThat(problem(() -> links.require(video, viewer, "-1", signature))).isEqualTo(WatchProblems.STREAM_LINK_INVALID);
        StreamLinks otherKey = new StreamLinks("another key".getBytes(), Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(problem(() -> otherKey.require(video, viewer, expires, signature))).isEqualTo(WatchProblems.STREAM_LINK_INVALID);
    }

    private static StreamLinks links(Instant now) {
        return new StreamLinks(KEY, Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " missing in " + query);
    }

    private static Object problem(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(ProblemException.class);
        try {
            call.run();
            return null;
        } catch (ProblemException e) {
            return e.type();
        }
    }
}
