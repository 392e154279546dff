package id.modo.verse.studio.character;

import id.modo.verse.studio.WorkspaceTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Characters and Universe tabs of the project workspace. */
@Configuration(proxyBeanMethods = false)
class CharacterTabs {

    @Bean
    WorkspaceTab charactersTab() {
        return new WorkspaceTab("characters", "studio.tab.characters", 30);
    }

    @Bean
    WorkspaceTab universeTab() {
        return new WorkspaceTab("universe", "studio.tab.universe", 40);
    }
}
