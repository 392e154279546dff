package id.modo.verse.media;

import id.modo.verse.common.web.LargeUploadPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MediaWebConfiguration {

    /** The upload endpoints of the API and the media library page take bodies up to modo.media.max-upload-size. */
    @Bean
    LargeUploadPaths mediaUploadPaths() {
        return new LargeUploadPaths(List.of("/api/v1/organizations/*/assets", "/organizations/*/media"));
    }
}
