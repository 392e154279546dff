package id.modo.verse.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of file storage, under {@code modo.media.*}.
 *
 * @param storage where files go: {@code local} (under the data directory) or {@code s3}
 * @param maxUploadSize the largest single upload; the organization's quota may allow less
 * @param signedUrlValidity how long a signed URL handed out with an asset works
 * @param signedUrlMaxValidity the longest validity a client may ask for
 * @param signingKey HMAC key of signed URLs; empty = generated once and kept in {@code <data dir>/media/signing-key}
 * @param thumbnailSize the longer side of thumbnails, in pixels
 * @param maxImagePixels images with more pixels are refused before decoding (decompression bombs)
 * @param publicMaxAge Cache-Control max-age of public files
 * @param ffmpegPath the ffmpeg program, or the folder holding ffmpeg and ffprobe; empty = the PATH, else the bundled ones ({@link Ffmpeg})
 */
@Validated
@ConfigurationProperties("modo.media")
record MediaProperties(
        @NotNull StorageKind storage,
        @NotNull DataSize maxUploadSize,
        @NotNull Duration signedUrlValidity,
        @NotNull Duration signedUrlMaxValidity,
        String signingKey,
        @Min(16) @Max(2048) int thumbnailSize,
        @Min(1) long maxImagePixels,
        @NotNull Duration publicMaxAge,
        @Valid @NotNull S3 s3,
        String ffmpegPath) {

    enum StorageKind { LOCAL, S3 }

    MediaProperties {
        if (signedUrlValidity != null && signedUrlMaxValidity != null
                && (signedUrlValidity.isNegative() || signedUrlValidity.isZero() || signedUrlValidity.compareTo(signedUrlMaxValidity) > 0)) {
            throw new IllegalArgumentException("modo.media.signed-url-validity must be positive and at most signed-url-max-validity");
        }
        if (maxUploadSize != null && maxUploadSize.toBytes() <= 0) {
            throw new IllegalArgumentException("modo.media.max-upload-size must be positive");
        }
    }

    /**
     * An S3-compatible bucket. Without {@code endpoint} the SDK's AWS endpoint for {@code region} is
     * used; without credentials the SDK's default chain (environment, profile, instance role).
     */
    record S3(String bucket, URI endpoint, String region, String accessKey, String secretKey, boolean pathStyle) {

        boolean hasStaticCredentials() {
            return StringUtils.hasText(accessKey) && StringUtils.hasText(secretKey);
        }

        @Override
        public String toString() {
            // The secret key must never reach a log line.
            return "S3[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle + "]";
        }
    }
}
