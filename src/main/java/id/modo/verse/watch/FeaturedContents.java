package id.modo.verse.watch;

import id.modo.verse.common.ProblemException;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's curation of the catalogue home's banner. Only platform admins reach it (the {@code /admin/**} routes);
 * publishers cannot feature their own titles, so the column is written here alone.
 */
@Service
class FeaturedContents {

    /** How many titles the admin page offers at once; the title filter narrows a larger catalogue. */
    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final Organizations organizations;

    FeaturedContents(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    private record Row(UUID id, String title, OrganizationId organization, String visibility, String posterUrl, boolean featured,
            Instant publishedAt) {
    }

    record Line(UUID id, String title, String organizationName, String visibility, String posterUrl, boolean featured, Instant publishedAt) {
    }

    /**
     * Features or unfeatures a title. Only a published title may be featured (the banner shows nothing else, and a
     * draft must not be announced); unfeaturing works in any status so an archived title can be cleared.
     */
    @Transactional
    Line set(ContentId id, boolean featured) {
        String status = jdbc.sql("select status from contents where id = ? for update").param(id.value()).query(String.class).optional()
                .orElseThrow(Contents::notFound);
        if (featured && !ContentStatus.PUBLISHED.dbValue().equals(status)) {
            throw new ProblemException(WatchProblems.NOT_PUBLISHED, "Only a published title can be featured; this one is " + status + ".");
        }
        // The version moves so a publisher's save that read the title before cannot silently undo the change.
        jdbc.sql("update contents set featured = ?, version = version + 1 where id = ? and featured <> ?")
                .params(featured, id.value(), featured).update();
        return lines("c.id = :id", id.value(), 1).getFirst();
    }

    /** The featured titles, newest published first (the banner shows the first of them). */
    List<Line> featured() {
        return lines("c.featured", null, PAGE_SIZE);
    }

    /** Published titles whose title contains {@code query} (any case), featured first, then newest. */
    List<Line> published(String query) {
        return lines("c.status = 'published' and c.title ilike :id escape '\\'", "%" + escapeLike(query.strip()) + "%", PAGE_SIZE);
    }

    private List<Line> lines(String where, Object id, int limit) {
        List<Row> rows = jdbc.sql("""
                select c.id, c.title, c.organization_id, c.visibility, c.poster_url, c.featured, c.published_at
                from contents c where %s
                order by c.featured desc, c.published_at desc nulls last, c.id desc limit :limit""".formatted(where))
                .params(id == null ? Map.of("limit", limit) : Map.of("id", id, "limit", limit))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("title"),
                        OrganizationId.of(rs.getObject("organization_id", UUID.class)), rs.getString("visibility"), rs.getString("poster_url"),
                        rs.getBoolean("featured"), rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant()))
                .list();
        Map<OrganizationId, String> names = organizations.names(rows.stream().map(Row::organization).distinct().toList());
        return rows.stream().map(r -> new Line(r.id(), r.title(), names.getOrDefault(r.organization(), ""), r.visibility(), r.posterUrl(),
                r.featured(), r.publishedAt())).toList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
