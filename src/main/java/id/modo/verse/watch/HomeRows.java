package id.modo.verse.watch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The catalogue home's shared rows: the featured banner, trending and one row per active category (published titles only). */
@Service
public class HomeRows {

    static final int ROW = 12;

    private final JdbcClient jdbc;

    HomeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A category's row. */
    public record CategoryRow(String name, String slug, List<Catalogue.Item> items) {
    }

    /** The newest featured title, for the banner. */
    public Catalogue.Item featured() {
        return jdbc.sql("select * from contents where featured and status = 'published' order by published_at desc, id desc limit 1")
                .query(Catalogue::item).optional().orElse(null);
    }

    /** Titles by their trending rank (recomputed by {@link Trending}). */
    public List<Catalogue.Item> trending() {
        return jdbc.sql("select * from contents where trending_rank is not null and status = 'published' order by trending_rank limit ?")
                .param(ROW).query(Catalogue::item).list();
    }

    /** A row per active category in the admins' order, each its newest published titles; empty categories are left out. */
    public List<CategoryRow> byCategory() {
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
