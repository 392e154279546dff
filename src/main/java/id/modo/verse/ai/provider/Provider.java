package id.modo.verse.ai.provider;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The one port behind which every provider's API sits. Each call builds its client from the {@link Connection}
 * (per-organization keys and base URLs), makes one attempt (retries and fallback are the gateway's), and throws
 * {@link ProviderFailure} for anything but a good answer.
 */
public interface Provider {

    ProviderKind kind();

    /** The whole answer at once. */
    TextResult complete(Connection connection, TextRequest request);

    /** The answer token by token into {@code tokens}, then whole; a stream that stops before its end is {@link ProviderFailure.Kind#BAD_RESPONSE}. */
    default TextResult stream(Connection connection, TextRequest request, Consumer<String> tokens) {
        return stream(connection, request, tokens, StopSignal.never());
    }

    /** As {@link #stream(Connection, TextRequest, Consumer)}, closing the provider's response when {@code stop} is raised. */
    TextResult stream(Connection connection, TextRequest request, Consumer<String> tokens, StopSignal stop);

    /** One image; a provider or model without image output answers {@link ProviderFailure.Kind#BAD_RESPONSE}. */
    ImageResult image(Connection connection, ImageRequest request);

    /**
     * Asks for a video, which the provider makes in its own time; follow it with {@link #video}. A provider without a
     * video API answers {@link ProviderFailure.Kind#BAD_RESPONSE}.
     */
    default VideoJob createVideo(Connection connection, VideoRequest request) {
        throw ProviderFailure.badResponse(kind().key() + " makes no videos");
    }

    /** How the video {@link #createVideo} asked for is doing. */
    default VideoJob video(Connection connection, String id) {
        throw ProviderFailure.badResponse(kind().key() + " makes no videos");
    }

    /** Writes a completed video's MP4 to {@code target}, byte by byte as it arrives. */
    default void downloadVideo(Connection connection, String id, Path target) {
        throw ProviderFailure.badResponse(kind().key() + " makes no videos");
    }

    /**
     * Whether the provider takes the connection's key, asked of its cheapest call (listing models, which costs nothing):
     * returns when it does; {@link ProviderFailure.Kind#UNAUTHORIZED} when the key is refused.
     */
    void validate(Connection connection);
}
