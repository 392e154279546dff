package id.modo.verse.media;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code ffmpeg} entry of {@code /actuator/health}: which ffmpeg is used (setting, PATH or
 * bundled), its version and whether it has the H.264 and AAC encoders. UP when it can make H.264
 * with AAC; UNKNOWN while it is still being looked for, when there is none, or when it lacks those
 * encoders, so the app's overall health (and a load balancer's view of it) never turns DOWN for
 * want of ffmpeg. It never waits for the search. Details show only to platform admins
 * ({@code management.endpoint.health.show-details=when-authorized}).
 */
@Component
class FfmpegHealthIndicator implements HealthIndicator {

    private final Ffmpeg ffmpeg;

    FfmpegHealthIndicator(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    @Override
    public Health health() {
        var resolution = ffmpeg.resolvedYet();
        if (resolution.isEmpty()) {
            ffmpeg.resolve();
            return Health.unknown().withDetail("state", "looking for ffmpeg").build();
        }
        FfmpegInstallation programs = resolution.get().installation();
        if (programs == null) {
            return Health.unknown().withDetail("state", "not found").withDetail("reason", resolution.get().problem()).build();
        }
        Health.Builder health = programs.canEncodeH264AndAac() ? Health.up() : Health.unknown();
        return health
                .withDetail("source", programs.source().name().toLowerCase())
                .withDetail("version", programs.version())
                .withDetail("ffmpeg", programs.ffmpeg().toString())
                .withDetail("ffprobe", programs.ffprobe().toString())
                .withDetail("h264_encoder", programs.h264Encoder().orElse("none"))
                .withDetail("libx264", programs.hasEncoder("libx264"))
                .withDetail("libopenh264", programs.hasEncoder("libopenh264"))
                .withDetail("aac", programs.hasEncoder("aac"))
                .build();
    }
}
