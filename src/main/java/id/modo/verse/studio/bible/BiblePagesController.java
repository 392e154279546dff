package id.modo.verse.studio.bible;

import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.web.Ui;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.story.Stories;
import id.modo.verse.studio.story.StoryPageModels;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The public bible page. */
@Controller
class BiblePagesController {

    private final PublicBible publicBible;
    private final ModoProperties modo;

    BiblePagesController(PublicBible publicBible, ModoProperties modo) {
        this.publicBible = publicBible;
        this.modo = modo;
    }

    /**
     * The public read-only bible of a public project: anyone may open it and search engines may index it. Anything else
     * (private, team, in the trash, missing) is the same 404.
     */
    @GetMapping("/bible/{projectId}")
    String bible(@PathVariable("projectId") ProjectId id, @ModelAttribute("ui") Ui ui, Model model) {
        PublicBible.Bible bible = publicBible.of(id, ui).orElseThrow(ProjectAccess::notFound);
        Stories.Story story = bible.story();
        Locale locale = ui.locale();
        List<StoryPageModels.BeatCard> cards = StoryPageModels.cards(story.beats(), locale);
        String description = story.details().logline() != null ? story.details().logline()
                : story.project().description() != null ? story.project().description() : story.project().title();
        model.addAttribute("page", new BiblePages.BiblePage(story, bible.header(), cards.stream().filter(b -> b.text() != null).toList(),
                StoryPageModels.structureName(story.beats(), locale),
                StoryPageModels.curve(cards, ui.t("studio.curve.title"), ui.t("studio.curve.desc")),
                description.length() > 160 ? description.substring(0, 157) + "…" : description, modo.link("/bible/" + id).toString(),
                bible.characters(), bible.graphSvg(), bible.universe()));
        return "studio/bible";
    }
}
