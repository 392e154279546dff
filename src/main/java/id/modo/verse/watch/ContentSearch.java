package id.modo.verse.watch;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.LruCache;
import id.modo.verse.common.Page;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Searching the published catalogue. Words go through PostgreSQL full-text search over {@code contents.search_vector}
 * (title and original title weight A, cast B, description C, each word also as a prefix) or, for typos, trigram
 * word similarity against the names ({@code search_names <% q}, pg_trgm's default threshold 0.6): "kancl" finds
 * "Kancil". Titles that match the words as typed come first, ordered by full-text rank plus that similarity, so a title
 * hit comes before a description hit; typo matches come after all of them, by similarity (fewer typos first, as
 * Algolia ranks), so the typo branch is searched only when the words as typed do not fill the page. Without words,
 * newest first. Keyset-paged either way: the rank is rounded to a whole number so a cursor can carry it.
 * Every full-text hit is ranked, typo matches up to {@link #TYPO_CANDIDATES}.
 *
 * <p>Ranking a query that finds thousands of titles takes tens of milliseconds, and most searches are the same few
 * queries, so the ranked ids of each query's first page are kept in memory while {@code watch_home_versions.search_version}
 * stays (triggers bump it with every statement that can change what a query finds; see its migration). A kept page still
 * reads its rows fresh by primary key, so ratings and posters on it are current. Pages after the first, and the
 * minimum-rating filter (ratings change with every vote), are ranked every time.
 */
@Service
public class ContentSearch {

    /** The rank's resolution: ranks closer than a millionth tie and are ordered by id. */
    private static final double RANK_SCALE = 1_000_000;

    /** Added to the rank of a match of the words as typed: above any typo match (a scaled rank stays under 3,000,000). */
    static final long EXACT_TIER = 10_000_000;

    /**
     * How many typo matches (names within the similarity threshold that the words as typed do not find) a search ranks.
     * A real typo matches a few dozen names; past this many the query's words are in most names and the matches are
     * near-identical (which of them are ranked is then up to the scan). Ranking them all cost a second per search at
     * 100,000 titles; the index cannot order trigram matches by similarity, so the cap is taken as they come.
     */
    static final int TYPO_CANDIDATES = 1000;

    /** How many first pages are kept (the least recently used go first): a hit list is at most 101 ids. */
    static final int KEPT_PAGES = 2000;

    private final JdbcClient jdbc;
    private final AtomicReference<FirstPages> firstPages = new AtomicReference<>();

    ContentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Catalogue.Item> search(SearchFilters filters, String cursor, int limit) {
        KeysetCursor after = Keyset.after(cursor);
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>(List.of("c.status = 'published'"));
        filter(filters, where, params);
        params.put("fetch", Keyset.fetch(limit));
        if (filters.query() == null) {
            if (after != null) {
                where.add("(c.published_at, c.id) < (:afterAt, :afterId)");
                params.put("afterAt", after.createdAt().atOffset(ZoneOffset.UTC));
                params.put("afterId", after.id());
            }
            List<Catalogue.Item> rows = jdbc.sql("select c.* from contents c where " + String.join(" and ", where)
                    + " order by c.published_at desc, c.id desc limit :fetch").params(params).query(Catalogue::item).list();
            return Keyset.page(rows, limit, item -> new KeysetCursor(item.publishedAt(), item.id().value()));
        }
        List<String> words = filters.words();
        if (words.isEmpty()) {
            return Page.empty();
        }
        params.put("q", String.join(" ", words));
        params.put("tsquery", String.join(" & ", words.stream().map(w -> w + ":*").toList()));
        params.put("scale", RANK_SCALE);
        String keyset = "";
        if (after != null) {
            keyset = "where (hit.rank, hit.id) < (:afterRank, :afterId)";
            params.put("afterRank", after.number());
            params.put("afterId", after.id());
        }
        // Ranking costs a ts_rank and a word_similarity per row, so only ids and the two search columns are ranked and only
        // the page's rows are read whole. The typo branch is capped: a word of nearly every cast list ("aktor 42" is near
        // every "Aktor NN") made the whole catalogue a typo match, ranked row by row before the first page was kept.
        params.put("typos", TYPO_CANDIDATES);
        params.put("exact", EXACT_TIER);
        // The typo branch runs only when the words as typed leave room on this page: it cannot outrank them (see the class).
        String sql = """
                with words as (select to_tsquery('simple', :tsquery) as words),
                exact as materialized (
                  select c.id, :exact + round((ts_rank(c.search_vector, w.words) + word_similarity(:q, c.search_names)) * :scale)::bigint as rank
                  from contents c, words w where c.search_vector @@ w.words and {where}
                ),
                hit as (
                  select exact.id, exact.rank from exact
                  union all
                  select t.id, round(word_similarity(:q, t.search_names) * :scale)::bigint
                  from (select c.id, c.search_vector, c.search_names from contents c where :q <% c.search_names and {where}
                        limit :typos) t, words w
                  where not t.search_vector @@ w.words
                    and (select count(*) from (select 1 from exact hit {keyset} limit :fetch) room) < :fetch
                )
                select c.*, top.rank from (
                  select hit.id, hit.rank from hit {keyset} order by hit.rank desc, hit.id desc limit :fetch
                ) top join contents c on c.id = top.id
                order by top.rank desc, top.id desc""";
        LruCache<FirstPage, List<Hit>> kept = after == null && filters.minRating() == null ? keptAt(searchVersion()) : null;
        FirstPage key = new FirstPage(words, filters.type(), filters.genre(), filters.year(), filters.language(), limit);
        List<Hit> hits = kept == null ? null : kept.get(key);
        List<Ranked> rows;
        if (hits != null) {
            rows = rowsOf(hits);
        } else {
            String statement = sql.replace("{where}", String.join(" and ", where)).replace("{keyset}", keyset);
            rows = jdbc.sql(statement).params(params).query((rs, n) -> new Ranked(Catalogue.item(rs, n), rs.getLong("rank"))).list();
            if (kept != null) {
                kept.put(key, rows.stream().map(row -> new Hit(row.item().id().value(), row.rank())).toList());
            }
        }
        Page<Ranked> page = Keyset.page(rows, limit, hit -> KeysetCursor.ofNumber(hit.rank(), hit.item().id().value()));
        return page.map(Ranked::item);
    }

    private long searchVersion() {
        return jdbc.sql("select search_version from watch_home_versions where id = 1").query(Long.class).single();
    }

    /** The kept pages of this version; none when a newer version's are kept already (this reader is behind a change). */
    private @Nullable LruCache<FirstPage, List<Hit>> keptAt(long version) {
        FirstPages now = firstPages.updateAndGet(known -> known == null || known.version() < version
                ? new FirstPages(version, new LruCache<>(KEPT_PAGES)) : known);
        return now.version() == version ? now.pages() : null;
    }

    /** A kept page's rows, read fresh in its ranked order; a title unpublished since is left out. */
    private List<Ranked> rowsOf(List<Hit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        Map<UUID, Catalogue.Item> items = jdbc.sql("select c.* from contents c where c.id = any(:ids) and c.status = 'published'")
                .param("ids", hits.stream().map(Hit::id).toArray(UUID[]::new))
                .query(Catalogue::item).list().stream()
                .collect(Collectors.toMap(item -> item.id().value(), Function.identity()));
        return hits.stream().filter(hit -> items.containsKey(hit.id())).map(hit -> new Ranked(items.get(hit.id()), hit.rank())).toList();
    }

    private record FirstPages(long version, LruCache<FirstPage, List<Hit>> pages) {
    }

    /** What decides a first page: the words as normalized and every filter besides the minimum rating. */
    private record FirstPage(List<String> words, @Nullable ContentType type, @Nullable String genre, @Nullable Integer year,
            @Nullable String language, int limit) {
    }

    private record Hit(UUID id, long rank) {
    }

    private record Ranked(Catalogue.Item item, long rank) {
    }

    /** Only the filters that were asked for become conditions, so each combination gets a plan of its own. */
    private static void filter(SearchFilters filters, List<String> where, Map<String, Object> params) {
        if (filters.type() != null) {
            where.add("c.type = :type");
            params.put("type", filters.type().dbValue());
        }
        if (filters.genre() != null) {
            where.add("(lower(c.genre) = :genre or exists (select 1 from jsonb_array_elements_text(c.sub_genres) g where lower(g) = :genre))");
            params.put("genre", filters.genre());
        }
        if (filters.year() != null) {
            where.add("c.release_year = :year");
            params.put("year", filters.year());
        }
        if (filters.minRating() != null) {
            where.add("c.average_rating >= :minRating");
            params.put("minRating", filters.minRating());
        }
        if (filters.language() != null) {
            where.add("exists (select 1 from jsonb_array_elements_text(c.languages) l where lower(l) = :language)");
            params.put("language", filters.language());
        }
    }
}
