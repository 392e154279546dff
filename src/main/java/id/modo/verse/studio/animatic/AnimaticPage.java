package id.modo.verse.studio.animatic;

import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;
import java.util.List;
import java.util.UUID;

/**
 * What the Animatic tab shows: the story's animatic on top, then each beat with its pictures' count and its newest
 * render, and the sounds of the media library to pick from.
 *
 * @param notice a message after a form post without JavaScript, already in the reader's language, else null
 * @param error  what was wrong with such a post, else null
 */
public record AnimaticPage(ProjectView project, WorkspaceTabs tabs, Render story, List<Beat> beats, boolean canRender,
        List<Sound> sounds, String notice, String error) {

    public String projectId() {
        return project.id().toString();
    }

    public boolean anyPictures() {
        return beats.stream().anyMatch(b -> b.pictureCount() > 0);
    }

    /** A render; {@code live} while its job is still to end, when the page follows its progress. */
    public record Render(UUID id, String status, UUID jobId, String failureReason, String videoUrl, String posterUrl, String captionsUrl,
            String duration) {

        public boolean live() {
            return "pending".equals(status) || "processing".equals(status);
        }

        public boolean retryable() {
            return jobId != null && ("failed".equals(status) || "cancelled".equals(status));
        }
    }

    public record Beat(int index, String title, int pictureCount, Render render) {
    }

    public record Sound(UUID id, String name) {
    }
}
