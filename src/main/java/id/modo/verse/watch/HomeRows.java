package id.modo.verse.watch;

import id.modo.verse.common.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The catalogue home's shared rows: the featured banner, trending, one row per active category and the newest titles
 * (published titles only). They are the same for every viewer, so they are read once per change: {@link #current}
 * compares {@code watch_home_versions}, which triggers bump with every statement that can change these rows (see its
 * migration), with the version its snapshot was read at, and reads the rows again only when they differ.
 */
@Service
public class HomeRows {

    static final int ROW = 12;
    static final int NEWEST = 24;

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final AtomicReference<Shared> shared = new AtomicReference<>();

    HomeRows(JdbcClient jdbc, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** The rows every viewer sees, as of the last committed change. */
    public record Shared(long version, Catalogue.Item featured, List<Catalogue.Item> trending, List<CategoryRow> categories,
            Page<Catalogue.Item> newest) {
    }

    public Shared current() {
        long version = jdbc.sql("select version from watch_home_versions where id = 1").query(Long.class).single();
        Shared known = shared.get();
        if (known != null && known.version() == version) {
            return known;
        }
        // Read after the version: a change committed in between shows now and bumps the version, so the next call reads again.
        Shared fresh = new Shared(version, featured(), trending(), byCategory(), catalogue.page(null, null, NEWEST));
        // Two readers may race; the snapshot of the later version stays.
        shared.accumulateAndGet(fresh, (kept, read) -> kept == null || read.version() >= kept.version() ? read : kept);
        return fresh;
    }

    /** A category's row. */
    public record CategoryRow(String name, String slug, List<Catalogue.Item> items) {
    }

    /** The newest featured title, for the banner. */
    private Catalogue.Item featured() {
        return jdbc.sql("select * from contents where featured and status = 'published' order by published_at desc, id desc limit 1")
                .query(Catalogue::item).optional().orElse(null);
    }

    /** Titles by their trending rank (recomputed by {@link Trending}). */
    private List<Catalogue.Item> trending() {
        return jdbc.sql("select * from contents where trending_rank is not null and status = 'published' order by trending_rank limit ?")
                .param(ROW).query(Catalogue::item).list();
    }

    /** A row per active category in the admins' order, each its newest published titles; empty categories are left out. */
    private List<CategoryRow> byCategory() {
        Map<UUID, CategoryRow> rows = new LinkedHashMap<>();
        jdbc.sql("""
                select k.id as category_id, k.name as category_name, k.slug as category_slug, c.*
                from content_categories k
                cross join lateral (
                  select c.* from contents c join content_category_items i on i.content_id = c.id
                  where i.category_id = k.id and c.status = 'published'
                  order by c.published_at desc, c.id desc limit :row) c
                where k.is_active
                order by k.display_order, k.name, k.id, c.published_at desc, c.id desc""")
                .param("row", ROW)
                .query(rs -> {
                    String name = rs.getString("category_name");
                    String slug = rs.getString("category_slug");
                    rows.computeIfAbsent(rs.getObject("category_id", UUID.class), id -> new CategoryRow(name, slug, new ArrayList<>()))
                            .items().add(Catalogue.item(rs, 0));
                });
        return List.copyOf(rows.values());
    }
}
