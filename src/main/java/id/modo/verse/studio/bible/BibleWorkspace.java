package id.modo.verse.studio.bible;

import id.modo.verse.studio.WorkspaceTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bible PDF's tab in the project workspace, after the versions. */
@Configuration(proxyBeanMethods = false)
class BibleWorkspace {

    @Bean
    WorkspaceTab bibleTab() {
        return new WorkspaceTab("bible", "bible.pdf.tab", 85);
    }
}
