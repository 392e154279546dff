package id.modo.verse.studio.section;

import id.modo.verse.common.web.LargeUploadPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The picture uploads of characters, universes and projects (logo, mood thumbnail, studio logo) take multipart bodies above the normal request
 * limit (a photo is easily a few megabytes); the media module's upload limits still apply.
 */
@Configuration(proxyBeanMethods = false)
class StudioUploadPaths {

    @Bean
    LargeUploadPaths characterAndUniverseUploadPaths() {
        return new LargeUploadPaths(List.of(
                "/api/v1/projects/*/characters/*/image",
                "/projects/*/characters/*/image",
                "/api/v1/projects/*/universe/images/*/*",
                "/projects/*/universe/images/*/*",
                "/projects/*/pictures/*"));
    }
}
