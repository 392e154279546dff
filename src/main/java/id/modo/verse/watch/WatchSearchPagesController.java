package id.modo.verse.watch;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The catalogue's search page: the same words, filters and order as {@code GET /api/v1/contents}. */
@Controller
class WatchSearchPagesController {

    private static final int PAGE_SIZE = 24;

    private final ContentSearch search;
    private final MatchLabels labels;

    WatchSearchPagesController(ContentSearch search, MatchLabels labels) {
        this.search = search;
        this.labels = labels;
    }

    @GetMapping("/watch/search")
    String search(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String genre, @RequestParam(defaultValue = "") String year,
            @RequestParam(name = "min_rating", defaultValue = "") String minRating, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String cursor, Model model) {
        SearchFilters filters;
        List<String> invalid = List.of();
        try {
            filters = SearchFilters.parse(q, type, genre, year, minRating, language);
        } catch (ProblemException e) {
            invalid = invalidFields(e);
            filters = SearchFilters.none();
        }
        Page<Catalogue.Item> page;
        try {
            page = invalid.isEmpty() ? search.search(filters, cursor, PAGE_SIZE) : Page.empty();
        } catch (ProblemException e) {
            // A cursor cut short in a shared link: start again from the first page rather than show an error.
            page = search.search(filters, null, PAGE_SIZE);
        }
        String next = page.nextCursor() == null ? null : ListFilters.nextUrl("/watch/search", null, filters.asParameters(), page.nextCursor());
        model.addAttribute("page", new WatchSearchModels.SearchPage(q, type, genre, year, minRating, language, invalid,
                labels.tiles(viewer.id(), page.items()), next));
        return "watch/search";
    }

    private static List<String> invalidFields(ProblemException e) {
        return e.properties().get("errors") instanceof List<?> errors
                ? errors.stream().filter(FieldError.class::isInstance).map(error -> ((FieldError) error).field()).toList()
                : List.of();
    }
}
