package id.modo.verse.studio.script;

import id.modo.verse.studio.WorkspaceTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Script tab of the project workspace, after Story, Characters and Universe. */
@Configuration(proxyBeanMethods = false)
class ScriptWorkspace {

    @Bean
    WorkspaceTab scriptTab() {
        return new WorkspaceTab("script", "studio.tab.script", 50);
    }
}
