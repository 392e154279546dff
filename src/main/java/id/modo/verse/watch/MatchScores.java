package id.modo.verse.watch;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.identity.UserId;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes and reads the personal match scores ({@link MatchScorer}'s rules) kept in {@code content_match_scores}. A
 * user's scores are recomputed whole by the {@code watch-match-score} task ({@link MatchScoreJobs}); readers see the
 * last computation.
 */
@Service
public class MatchScores {

    /** How many of a user's best matches are kept: enough for the "For you" row and the cards of a few pages. */
    static final int KEPT = 500;
    /** Titles compared per user: the newest that share a feature with something the user rated or watched. */
    static final int CANDIDATES = 5_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MatchScores(JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A title's score for one user and the title that explains it (its name, and whether the user rated or watched it). */
    public record Match(ContentId content, int score, String becauseTitle, boolean becauseRated) {
    }

    /** A recommended title: the catalogue's item and its match. */
    public record Recommendation(Catalogue.Item item, Match match) {
    }

    /** The user's best matches among published titles, best first. */
    public Page<Recommendation> recommendations(UserId user, String cursor, int limit) {
        KeysetCursor after = Keyset.after(cursor);
        List<Recommendation> rows = jdbc.sql("""
                select c.*, m.score, m.because_rated, b.title as because_title
                from content_match_scores m join contents c on c.id = m.content_id
                left join contents b on b.id = m.because_content_id
                where m.user_id = :user and c.status = 'published'
                  and (cast(:afterScore as integer) is null or (m.score, m.content_id) < (:afterScore, :afterId))
                order by m.score desc, m.content_id desc limit :fetch""")
                .param("user", user.value())
                .param("afterScore", after == null ? null : (int) after.number())
                .param("afterId", after == null ? null : after.id())
                .param("fetch", Keyset.fetch(limit))
                .query((rs, n) -> {
                    Catalogue.Item item = Catalogue.item(rs, n);
                    return new Recommendation(item, new Match(item.id(), rs.getInt("score"), rs.getString("because_title"),
                            rs.getBoolean("because_rated")));
                })
                .list();
        return Keyset.page(rows, limit, r -> KeysetCursor.ofNumber(r.match().score(), r.item().id().value()));
    }

    /** The user's scores of these published titles (those without one are left out). */
    public Map<ContentId, Match> of(UserId user, Collection<ContentId> contents) {
        if (contents.isEmpty()) {
            return Map.of();
        }
        Map<ContentId, Match> found = new HashMap<>();
        jdbc.sql("""
                select m.content_id, m.score, m.because_rated, b.title as because_title
                from content_match_scores m join contents c on c.id = m.content_id and c.status = 'published'
                left join contents b on b.id = m.because_content_id
                where m.user_id = :user and m.content_id = any(cast(:ids as uuid[]))""")
                .param("user", user.value())
                .param("ids", array(contents.stream().map(ContentId::value).toList()))
                .query((rs, n) -> new Match(ContentId.of(rs.getObject("content_id", UUID.class)), rs.getInt("score"),
                        rs.getString("because_title"), rs.getBoolean("because_rated")))
                .list()
                .forEach(m -> found.put(m.content(), m));
        return found;
    }

    public Optional<Match> of(UserId user, ContentId content) {
        return Optional.ofNullable(of(user, List.of(content)).get(content));
    }

    /** Recomputes one user's scores from their ratings and history and replaces the kept ones; answers how many. */
    public int compute(UserId user) {
        Timestamp started = Timestamp.from(clock.instant());
        List<MatchScorer.Signal> signals = signals(user);
        Set<UUID> seen = new HashSet<>();
        signals.forEach(s -> seen.add(s.content()));
        Map<UUID, MatchScorer.Features> features = features(seen, null);
        List<MatchScorer.OtherRating> others = otherRatings(user, signals);
        Map<UUID, MatchScorer.Features> similar = features(seen, features.values());
        Set<UUID> candidates = new LinkedHashSet<>(similar.keySet());
        Map<UUID, MatchScorer.Features> all = new HashMap<>(features);
        all.putAll(similar);
        others.stream().map(MatchScorer.OtherRating::content).filter(c -> !seen.contains(c)).forEach(candidates::add);
        candidates.removeAll(seen);
        Set<UUID> rated = new HashSet<>();
        signals.stream().filter(s -> s.rating() != null).forEach(s -> rated.add(s.content()));
        List<MatchScorer.Match> matches = MatchScorer.score(signals, all, candidates, others).stream().limit(KEPT).toList();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from content_match_scores where user_id = ?").param(user.value()).update();
            for (MatchScorer.Match m : matches) {
                jdbc.sql("""
                        insert into content_match_scores (user_id, content_id, score, because_content_id, because_rated, computed_at)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(user.value(), m.content(), m.score(), m.because(), m.because() != null && rated.contains(m.because()), started)
                        .update();
            }
            jdbc.sql("""
                    insert into content_match_runs (user_id, computed_at) values (?, ?)
                    on conflict (user_id) do update set computed_at = excluded.computed_at""")
                    .params(user.value(), started).update();
        });
        return matches.size();
    }

    /**
     * Users who rated or watched something in the last day since their scores were last computed (or who never had
     * them computed). The day bounds the look-up to the recent end of the history's index instead of all of it.
     */
    public List<UserId> stale(int limit) {
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofDays(1)));
        return jdbc.sql("""
                select distinct user_id from (
                  select h.user_id from watch_history h left join content_match_runs r on r.user_id = h.user_id
                  where h.watched_at > :since and (r.computed_at is null or h.watched_at > r.computed_at)
                  union
                  select g.user_id from content_ratings g left join content_match_runs r on r.user_id = g.user_id
                  where g.created_at > :since and g.rating is not null and (r.computed_at is null or g.created_at > r.computed_at)
                ) active limit :limit""")
                .param("since", since)
                .param("limit", limit)
                .query((rs, n) -> UserId.of(rs.getObject("user_id", UUID.class)))
                .list();
    }

    private List<MatchScorer.Signal> signals(UserId user) {
        return jdbc.sql("""
                select coalesce(r.content_id, h.content_id) as content_id, r.rating, coalesce(h.completed, false) as completed
                from (select content_id, rating from content_ratings where user_id = :user and rating is not null) r
                full join (select content_id, bool_or(completed) as completed from watch_history where user_id = :user group by content_id) h
                  on h.content_id = r.content_id""")
                .param("user", user.value())
                .query((rs, n) -> new MatchScorer.Signal(rs.getObject("content_id", UUID.class), (Integer) rs.getObject("rating"),
                        rs.getBoolean("completed")))
                .list();
    }

    /**
     * The features of these titles; or, given {@code like}, of the newest published titles that share at least one
     * feature with them (none of {@code ids}).
     */
    private Map<UUID, MatchScorer.Features> features(Set<UUID> ids, Collection<MatchScorer.Features> like) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String select = """
                select c.id, lower(coalesce(c.genre, '')) as genre, c.sub_genres::text as sub_genres,
                       jsonb_path_query_array(c.cast_list, '$[*].name')::text as cast_names,
                       coalesce((select array_agg(i.category_id) from content_category_items i where i.content_id = c.id), '{}') as categories
                from contents c
                """;
        JdbcClient.StatementSpec statement;
        if (like == null) {
            statement = jdbc.sql(select + " where c.id = any(cast(:ids as uuid[]))").param("ids", array(ids));
        } else {
            Set<String> genres = new HashSet<>();
            Set<String> names = new HashSet<>();
            Set<UUID> categories = new HashSet<>();
            for (MatchScorer.Features f : like) {
                for (String tag : f.tags()) {
                    String value = tag.substring(tag.indexOf(':') + 1);
                    switch (tag.substring(0, tag.indexOf(':'))) {
                        case "genre" -> genres.add(value);
                        case "cast" -> names.add(value);
                        default -> categories.add(UUID.fromString(value));
                    }
                }
            }
            statement = jdbc.sql(select + """
                     where c.status = 'published' and c.id <> all(cast(:ids as uuid[])) and (
                       lower(c.genre) = any(cast(:genres as text[]))
                       or exists (select 1 from jsonb_array_elements_text(c.sub_genres) g where lower(g) = any(cast(:genres as text[])))
                       or exists (select 1 from jsonb_array_elements_text(jsonb_path_query_array(c.cast_list, '$[*].name')) p
                                  where lower(p) = any(cast(:names as text[])))
                       or exists (select 1 from content_category_items i where i.content_id = c.id and i.category_id = any(cast(:categories as uuid[]))))
                     order by c.published_at desc limit :limit""")
                    .param("ids", array(ids))
                    .param("genres", array(genres))
                    .param("names", array(names))
                    .param("categories", array(categories))
                    .param("limit", CANDIDATES);
        }
        Map<UUID, MatchScorer.Features> found = new HashMap<>();
        statement.query((rs, n) -> {
            Set<String> tags = new HashSet<>();
            if (!rs.getString("genre").isBlank()) {
                tags.add("genre:" + rs.getString("genre"));
            }
            for (JsonNode genre : json.readTree(rs.getString("sub_genres"))) {
                tags.add("genre:" + genre.asString("").toLowerCase(Locale.ROOT));
            }
            for (JsonNode name : json.readTree(rs.getString("cast_names"))) {
                tags.add("cast:" + name.asString("").toLowerCase(Locale.ROOT));
            }
            Array array = rs.getArray("categories");
            for (Object category : (Object[]) array.getArray()) {
                tags.add("category:" + category);
            }
            tags.remove("genre:");
            tags.remove("cast:");
            return new MatchScorer.Features(rs.getObject("id", UUID.class), tags);
        }).list().forEach(f -> found.put(f.content(), f));
        return found;
    }

    /** Other users' ratings of titles the user rated, with all their ratings: what item-item similarity needs. */
    private List<MatchScorer.OtherRating> otherRatings(UserId user, List<MatchScorer.Signal> signals) {
        List<UUID> rated = signals.stream().filter(s -> s.rating() != null).map(MatchScorer.Signal::content).toList();
        if (rated.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(jdbc.sql("""
                select r.user_id, r.content_id, r.rating from content_ratings r join contents c on c.id = r.content_id
                where r.rating is not null and c.status = 'published' and r.user_id in (
                  select o.user_id from content_ratings o
                  where o.content_id = any(cast(:rated as uuid[])) and o.user_id <> :user and o.rating is not null
                  limit 2000)""")
                .param("rated", array(rated))
                .param("user", user.value())
                .query((rs, n) -> new MatchScorer.OtherRating(rs.getObject("user_id", UUID.class), rs.getObject("content_id", UUID.class),
                        rs.getInt("rating")))
                .list());
    }

    /** A PostgreSQL array literal of these values, each quoted, for {@code cast(:x as uuid[])} or {@code text[]}. */
    private static String array(Collection<?> values) {
        StringBuilder literal = new StringBuilder("{");
        for (Object value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
