package id.modo.verse.studio.bible;

import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.character.CharacterPages;
import id.modo.verse.studio.story.Stories;
import id.modo.verse.studio.story.StoryPageModels.BeatCard;
import id.modo.verse.studio.universe.UniversePages;
import java.util.List;

/** What the public bible page shows. */
public final class BiblePages {

    private BiblePages() {
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

    /** The page: what the form offers, whether the reader may make a PDF, the latest one. */
    public record BiblePdfPage(ProjectView project, WorkspaceTabs tabs, List<BibleSection> sections, String language, boolean canMake,
            BibleExports.Export latest, boolean started, boolean noSection) {

        public String base() {
            return "/projects/" + project.id();
        }

        public boolean isPublic() {
            return "public".equals(project.visibility());
        }
    }

}
