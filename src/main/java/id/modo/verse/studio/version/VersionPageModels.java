package id.modo.verse.studio.version;

import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.Versions;
import id.modo.verse.studio.WorkspaceTabs;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the versions page shows. */
public final class VersionPageModels {

    private VersionPageModels() {
    }

    public record VersionsPage(ProjectView project, WorkspaceTabs tabs, List<Version> versions, Map<UUID, String> labels,
            Map<UUID, String> sectionLabels, String entityType, String section, String nextUrl, Versions.VersionDiff diff, boolean restored) {
    }
}
