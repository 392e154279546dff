package id.modo.verse.studio.story;

import id.modo.verse.studio.SaveStatus;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.story.StoryContent.WantNeed;
import java.util.List;
import java.util.Map;

/** What the story page and the public bible show. */
public final class StoryPageModels {

    private StoryPageModels() {
    }

    public record BeatCard(String key, String title, int act, String guide, String text, Integer intensity) {
    }

    public record StructureOption(String key, String name, int beats) {
    }

    public record StoryPage(Stories.Story story, WorkspaceTabs tabs, boolean canEdit, Map<String, String> details, List<BeatCard> beats,
            String structure, List<StructureOption> structures, String curve, WantNeed wantNeed, SaveStatus detailsStatus,
            SaveStatus beatsStatus, SaveStatus wantNeedStatus) {
    }

    public record BiblePage(Stories.Story story, List<BeatCard> beats, String structureName, String curve, String description) {
    }
}
