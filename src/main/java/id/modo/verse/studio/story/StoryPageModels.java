package id.modo.verse.studio.story;

import id.modo.verse.studio.SaveStatus;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.character.CharacterPages;
import id.modo.verse.studio.universe.UniversePages;
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

    /**
     * The public bible: the project's header, the story with its beats and tension curve, the characters with their
     * graph, the universe; {@code canonicalUrl} is the page's one address for search engines.
     */
    public record BiblePage(Stories.Story story, BibleHeader header, List<BeatCard> beats, String structureName, String curve,
            String description, String canonicalUrl, List<CharacterPages.Profile> characters, String graphSvg, UniversePages.Shown universe) {
    }

    /** The project's header as the bible shows it: pictures as URLs, the format as its key, the palette's hex colours. */
    public record BibleHeader(String logoUrl, String genre, String subGenre, String format, String studioName, String studioLogoUrl,
            List<String> palette) {
    }
}
