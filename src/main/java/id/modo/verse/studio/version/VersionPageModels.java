package id.modo.verse.studio.version;

import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.Versions;
import id.modo.verse.studio.WorkspaceTabs;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the versions page shows. */
public final class VersionPageModels {

    private VersionPageModels() {
    }

    /**
     * {@code restorable}: the versions the reader may restore. {@code diffPart} names the compared part;
     * {@code compareError} is {@code choose} (a version missing) or {@code different} (two parts), else null.
     */
    public record VersionsPage(ProjectView project, WorkspaceTabs tabs, List<Version> versions, Map<UUID, String> labels,
            Map<UUID, String> sectionLabels, Set<UUID> restorable, String entityType, String section, String nextUrl,
            Versions.VersionDiff diff, String diffPart, String compareError, boolean restored) {
    }
}
