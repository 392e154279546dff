package id.modo.verse.media;

import id.modo.verse.common.KeptSecrets;
import id.modo.verse.common.ModoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean(destroyMethod = "")
    FileStorage fileStorage(MediaProperties properties, ModoProperties modo) {
        return switch (properties.storage()) {
            case LOCAL -> new LocalFileStorage(modo.dataDir().resolve("media").resolve("files"));
            case S3 -> new S3FileStorage(s3Client(properties.s3()), requireBucket(properties.s3()));
        };
    }

    @Bean
    SignedUrls signedUrls(MediaProperties properties, ModoProperties modo) {
        return new SignedUrls(KeptSecrets.configuredOrKept(properties.signingKey(), modo.dataDir().resolve("media").resolve("signing-key")));
    }

    /** The ffmpeg lookup: {@code MODO_FFMPEG_PATH}, else this process's PATH, else the jar's programs. */
    @Bean
    Ffmpeg ffmpeg(MediaProperties properties) {
        return new Ffmpeg(new FfmpegLookup(properties.ffmpegPath(), System.getenv("PATH"), FfmpegLookup.JAVACPP));
    }

    static S3Client s3Client(MediaProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(StringUtils.hasText(s3.region()) ? s3.region() : "us-east-1"))
                .forcePathStyle(s3.pathStyle())
                .credentialsProvider(s3.hasStaticCredentials()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))
                        : DefaultCredentialsProvider.builder().build());
        if (s3.endpoint() != null && StringUtils.hasText(s3.endpoint().toString())) {
            builder.endpointOverride(s3.endpoint());
        }
        return builder.build();
    }

    private static String requireBucket(MediaProperties.S3 s3) {
        if (!StringUtils.hasText(s3.bucket())) {
            throw new IllegalStateException("modo.media.storage=s3 needs modo.media.s3.bucket (MODO_MEDIA_S3_BUCKET)");
        }
        return s3.bucket();
    }
}
