package id.modo.verse.watch;

import id.modo.verse.common.KeptSecrets;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Short-lived links to a video's media playlists, segments, thumbnails and subtitles, bound to the viewer: an HMAC-SHA256
 * of the video, the viewer's user id and the expiry, with a key of its own (configured, else generated once under the data
 * directory). The viewer's session is still required, so a link passed on to another account (or opened signed out) does
 * not verify, and nobody can stretch its expiry. The entry points (master playlist, thumbnails map) need only the session:
 * they hand out fresh links.
 */
@Component
class StreamLinks {

    /** Query parameters of a signed link. */
    static final String EXPIRES = "expires";
    static final String SIGNATURE = "signature";

    private final byte[] key;
    private final Duration validity;
    private final Clock clock;

    @Autowired
    StreamLinks(ModoProperties modo, @Value("${modo.watch.stream-signing-key:}") String configuredKey,
            @Value("${modo.watch.stream-link-validity:PT10M}") Duration validity, Clock clock) {
        this(KeptSecrets.configuredOrKept(configuredKey, modo.dataDir().resolve("watch").resolve("stream-signing-key")), validity, clock);
    }

    StreamLinks(byte[] key, Duration validity, Clock clock) {
        this.key = key.clone();
        this.validity = validity;
        this.clock = clock;
    }

    /**
     * The query string ({@code expires=…&signature=…}) that lets {@code viewer} fetch the video's parts. It lasts the base
     * validity plus the video's length, so a viewer who plays straight through never meets an expired segment; the player
     * reloads the master playlist for fresh links when one does expire (a long pause).
     */
    String query(VideoId video, UserId viewer, double durationSeconds) {
        long expires = clock.instant().plus(validity).getEpochSecond() + (long) Math.ceil(Math.max(0, durationSeconds));
        return EXPIRES + "=" + expires + "&" + SIGNATURE + "=" + sign(video, viewer, expires);
    }

    /** 403 {@code stream-link-invalid} for a missing, altered or another viewer's link; 403 {@code stream-link-expired} after its time. */
    void require(VideoId video, UserId viewer, String expires, String signature) {
        if (expires == null || signature == null || expires.isEmpty() || expires.length() > 12 || !expires.chars().allMatch(Character::isDigit)) {
            throw invalid();
        }
        long expiry = Long.parseLong(expires);
        byte[] expected = sign(video, viewer, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        if (clock.instant().getEpochSecond() >= expiry) {
            throw new ProblemException(WatchProblems.STREAM_LINK_EXPIRED, "This video link has expired. Reload the player for a fresh one.");
        }
    }

    private String sign(VideoId video, UserId viewer, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("watch-stream:" + video.value() + ":" + viewer.value() + ":" + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(WatchProblems.STREAM_LINK_INVALID,
                "This video link is not valid for you: open the title's player to get your own.");
    }
}
