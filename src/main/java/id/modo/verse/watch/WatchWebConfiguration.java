package id.modo.verse.watch;

import id.modo.verse.common.web.LargeUploadPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Video uploads are larger than an ordinary request body: they are held to the media library's upload limit instead
 * (multipart), or to the length a resumable upload declared (its tus chunks).
 */
@Configuration(proxyBeanMethods = false)
class WatchWebConfiguration {

    @Bean
    LargeUploadPaths watchUploadPaths() {
        return new LargeUploadPaths(List.of("/api/v1/organizations/*/contents/*/video", "/api/v1/organizations/*/contents/*/episodes/*/video",
                "/studio/watch/*/contents/*/video", "/studio/watch/*/contents/*/episodes/*/video",
                "/api/v1/organizations/*/video-uploads/*", "/studio/watch/*/video-uploads/*"));
    }
}
