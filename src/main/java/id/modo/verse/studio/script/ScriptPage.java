package id.modo.verse.studio.script;

import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;

/**
 * What the Script tab shows.
 *
 * @param status the version line ("Version 3, saved by Sari on …"), already in the viewer's language
 * @param notice a success message after a plain (script-less) form save, else null
 * @param error a conflict or validation message, else null
 */
public record ScriptPage(ProjectView project, WorkspaceTabs tabs, String script, int version, String status,
        boolean editable, String notice, String error) {

    public String projectId() {
        return project.id().toString();
    }
}
