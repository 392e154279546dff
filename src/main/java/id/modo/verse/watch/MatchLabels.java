package id.modo.verse.watch;

import id.modo.verse.identity.UserId;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The reader's match scores as the pages say them: "92% match · Because you watched …", in the reader's language. */
@Component
class MatchLabels {

    private final MatchScores scores;
    private final MessageSource messages;

    MatchLabels(MatchScores scores, MessageSource messages) {
        this.scores = scores;
        this.messages = messages;
    }

    /** Tiles of these titles, those with a match carrying it as their label line. */
    List<WatchPageModels.Tile> tiles(UserId reader, List<Catalogue.Item> items) {
        Map<ContentId, MatchScores.Match> found = scores.of(reader, items.stream().map(Catalogue.Item::id).toList());
        return items.stream().map(i -> tile(i, found.get(i.id()))).toList();
    }

    WatchPageModels.Tile tile(Catalogue.Item item, MatchScores.Match match) {
        WatchPageModels.Tile tile = WatchPagesController.tile(item);
        if (match == null) {
            return tile;
        }
        String reason = reason(match);
        return new WatchPageModels.Tile(tile.id(), tile.title(), tile.posterUrl(), tile.type(), tile.releaseYear(), tile.visibility(),
                tile.href(), score(match) + (reason == null ? "" : " · " + reason), tile.progressPercent());
    }

    String score(MatchScores.Match match) {
        return text("watchsearch.match", match.score());
    }

    String reason(MatchScores.Match match) {
        if (match.becauseTitle() == null) {
            return null;
        }
        return text(match.becauseRated() ? "watchsearch.because.rated" : "watchsearch.because.watched", match.becauseTitle());
    }

    private String text(String key, Object argument) {
        return messages.getMessage(key, new Object[] {argument}, LocaleContextHolder.getLocale());
    }
}
