package id.modo.verse.studio.moodboard;

import id.modo.verse.common.web.LargeUploadPaths;
import id.modo.verse.studio.WorkspaceTab;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The moodboard's tab in the project workspace, and its picture uploads, which take bodies above the normal request limit. */
@Configuration(proxyBeanMethods = false)
class MoodboardWorkspace {

    @Bean
    WorkspaceTab moodboardTab() {
        return new WorkspaceTab("moodboard", "moodboard.tab", 60);
    }

    @Bean
    LargeUploadPaths moodboardUploadPaths() {
        return new LargeUploadPaths(List.of("/api/v1/projects/*/moodboard/items/*/image", "/projects/*/moodboard/items/*/image"));
    }
}
