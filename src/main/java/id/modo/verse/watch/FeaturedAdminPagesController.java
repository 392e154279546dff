package id.modo.verse.watch;

import id.modo.verse.common.ProblemException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The admin console's page of featured titles ({@code /admin/**} needs ROLE_ADMIN, as the API does). */
@Controller
class FeaturedAdminPagesController {

    static final String PAGE = "/admin/watch/featured";

    private final FeaturedContents featured;

    FeaturedAdminPagesController(FeaturedContents featured) {
        this.featured = featured;
    }

    @GetMapping(PAGE)
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String error, Model model) {
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("page", new WatchPageModels.FeaturedAdmin(query, lines(featured.featured()), lines(featured.published(query)),
                "not-published".equals(error) ? "watchui.featured.error.not-published" : null));
        return "watch/admin-featured";
    }

    @PostMapping(PAGE + "/{contentId}")
    String set(@PathVariable ContentId contentId, @RequestParam(defaultValue = "false") boolean featured,
            @RequestParam(defaultValue = "") String q) {
        UriComponentsBuilder back = UriComponentsBuilder.fromPath(PAGE);
        if (!q.isBlank()) {
            back.queryParam("q", q);
        }
        try {
            this.featured.set(contentId, featured);
        } catch (ProblemException e) {
            if (e.type() != WatchProblems.NOT_PUBLISHED) {
                throw e;
            }
            back.queryParam("error", "not-published");
        }
        return "redirect:" + back.encode().build().toUriString();
    }

    private static List<WatchPageModels.FeaturedLine> lines(List<FeaturedContents.Line> lines) {
        return lines.stream().map(l -> new WatchPageModels.FeaturedLine(l.id().toString(), l.title(), l.organizationName(), l.visibility(),
                l.posterUrl(), l.featured())).toList();
    }
}
