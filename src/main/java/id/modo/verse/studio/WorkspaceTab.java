package id.modo.verse.studio;

/**
 * A tab of the project workspace. A feature adds its tab in one line, a bean:
 * {@code @Bean WorkspaceTab charactersTab() { return new WorkspaceTab("characters", "studio.tab.characters", 30); }}.
 * The tab links to {@code /projects/{id}/{key}} ({@code overview} to {@code /projects/{id}}); tabs show in
 * {@code order}: overview 10, story 20, characters 30, universe 40, script 50, versions 80, team 90.
 * A feature that does not exist declares no bean, so its tab is not shown at all.
 */
public record WorkspaceTab(String key, String labelKey, int order) {

    public String path(ProjectId project) {
        return "overview".equals(key) ? "/projects/" + project.value() : "/projects/" + project.value() + "/" + key;
    }
}
