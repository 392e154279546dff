package id.modo.verse.studio;

import java.util.Comparator;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workspace tabs of the core features; {@link WorkspaceTabs} gives them, and the other features', in order. */
@Configuration(proxyBeanMethods = false)
class StudioWorkspace {

    @Bean
    WorkspaceTab overviewTab() {
        return new WorkspaceTab("overview", "studio.tab.overview", 10);
    }

    @Bean
    WorkspaceTab storyTab() {
        return new WorkspaceTab("story", "studio.tab.story", 20);
    }

    @Bean
    WorkspaceTab versionsTab() {
        return new WorkspaceTab("versions", "studio.tab.versions", 80);
    }

    @Bean
    WorkspaceTab teamTab() {
        return new WorkspaceTab("team", "studio.tab.team", 90);
    }

    @Bean
    WorkspaceTabs workspaceTabs(List<WorkspaceTab> tabs) {
        return new WorkspaceTabs(tabs.stream().sorted(Comparator.comparingInt(WorkspaceTab::order)).toList());
    }
}
