package id.modo.verse.studio.animatic;

import id.modo.verse.studio.WorkspaceTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AnimaticWorkspace {

    /** After the script (50) and the moodboard, before versions (80). */
    @Bean
    WorkspaceTab animaticTab() {
        return new WorkspaceTab("animatic", "animatic.tab", 66);
    }
}
