package id.modo.verse.studio.script;

import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.VersionedContent;
import id.modo.verse.studio.Versions;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Restoring a script version writes its text back to the story, with the restore's version number
 * as {@code script_version}. Versions is looked up when a restore runs, not injected: Versions
 * itself collects every {@link VersionedContent} bean, so a constructor dependency would be a cycle.
 */
@Component
class ScriptVersions implements VersionedContent {

    private final StoryScript storyScript;
    private final ObjectProvider<Versions> versions;
    private final MessageSource messages;

    ScriptVersions(StoryScript storyScript, ObjectProvider<Versions> versions, MessageSource messages) {
        this.storyScript = storyScript;
        this.versions = versions;
        this.messages = messages;
    }

    @Override
    public String entityType() {
        return Scripts.ENTITY_TYPE;
    }

    @Override
    public Section accessSection() {
        return Section.STORY;
    }

    @Override
    public String typeLabel(Locale locale) {
        return messages.getMessage("studio.tab.script", null, null, locale);
    }

    /** A script has one section, the screenplay itself: the history calls it what the tab does. */
    @Override
    public String sectionLabel(String section, Locale locale) {
        return Scripts.SECTION.equals(section) ? typeLabel(locale) : null;
    }

    @Override
    public void apply(ProjectId project, UUID story, String section, String content) {
        int number = versions.getObject().current(Scripts.ENTITY_TYPE, story, Scripts.SECTION).map(Version::number)
                .orElseThrow(() -> new IllegalStateException("a restore records its version before writing it back"));
        storyScript.write(project, story, content, number);
    }
}
