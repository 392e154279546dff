package id.modo.verse.studio.ai;

import id.modo.verse.studio.WorkspaceTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StudioAiTab {

    /** The project's AI page: its settings and the proposals waiting for review. */
    @Bean
    WorkspaceTab aiTab() {
        return new WorkspaceTab("ai", "studio.tab.ai", 85);
    }
}
