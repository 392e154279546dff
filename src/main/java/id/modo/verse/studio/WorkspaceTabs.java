package id.modo.verse.studio;

import java.util.List;

/** Every workspace tab of the features that exist, in order; pages pass {@link #all()} to {@code studio/workspace.jte}. */
public record WorkspaceTabs(List<WorkspaceTab> all) {
}
