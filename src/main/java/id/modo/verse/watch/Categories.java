package id.modo.verse.watch;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.Slug;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content categories: platform admins keep the list (ordered, active or not); publishers tag their titles with any number
 * of them; the catalogue home shows a row per active category.
 */
@Service
public class Categories {

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Clock clock;

    Categories(JdbcClient jdbc, Organizations organizations, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.clock = clock;
    }

    public record Category(UUID id, String name, String slug, String description, String icon, int displayOrder, boolean active,
            Instant createdAt) {
    }

    /** What an admin sends; a blank slug is made from the name. */
    public record Fields(String name, String slug, String description, String icon, int displayOrder, boolean active) {
    }

    /** Every category in display order, for admins and publishers; {@code activeOnly} for the catalogue. */
    public List<Category> list(boolean activeOnly) {
        return jdbc.sql("select * from content_categories where is_active or not :activeOnly order by display_order, name, id")
                .param("activeOnly", activeOnly).query((rs, n) -> new Category(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("slug"), rs.getString("description"), rs.getString("icon"), rs.getInt("display_order"),
                        rs.getBoolean("is_active"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public Category get(UUID id) {
        return list(false).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(Categories::notFound);
    }

    public Category create(Fields fields) {
        String slug = slug(fields);
        try {
            UUID id = jdbc.sql("""
                    insert into content_categories (name, slug, description, icon, display_order, is_active, created_at)
                    values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(fields.name().strip(), slug, blank(fields.description()), blank(fields.icon()), fields.displayOrder(), fields.active(),
                            Timestamp.from(clock.instant()))
                    .query(UUID.class).single();
            return get(id);
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        }
    }

    public Category update(UUID id, Fields fields) {
        String slug = slug(fields);
        try {
            int updated = jdbc.sql("""
                    update content_categories set name = ?, slug = ?, description = ?, icon = ?, display_order = ?, is_active = ? where id = ?""")
                    .params(fields.name().strip(), slug, blank(fields.description()), blank(fields.icon()), fields.displayOrder(), fields.active(), id)
                    .update();
            if (updated == 0) {
                throw notFound();
            }
            return get(id);
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        }
    }

    /** Deleting a category untags its titles (the items cascade); deleting one that is gone changes nothing. */
    public void delete(UUID id) {
        jdbc.sql("delete from content_categories where id = ?").param(id).update();
    }

    /** The categories a title of the organization is tagged with, in display order. */
    public List<Category> of(UserId actor, OrganizationId organization, ContentId content) {
        organizations.require(actor, organization, Permission.VIEW);
        requireOwned(organization, content);
        return tagged(content);
    }

    /** Replaces the title's categories with {@code categoryIds}; unknown ids are a 400 naming the field. */
    @Transactional
    public List<Category> tag(UserId actor, OrganizationId organization, ContentId content, List<UUID> categoryIds) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        requireOwned(organization, content);
        Set<UUID> wanted = new LinkedHashSet<>(categoryIds);
        int known = wanted.isEmpty() ? 0 : jdbc.sql("select count(*) from content_categories where id in (:ids)").param("ids", List.copyOf(wanted))
                .query(Integer.class).single();
        if (known != wanted.size()) {
            throw invalid("category_ids", "holds a category that does not exist");
        }
        jdbc.sql("delete from content_category_items where content_id = ?").param(content.value()).update();
        for (UUID category : wanted) {
            jdbc.sql("insert into content_category_items (content_id, category_id) values (?, ?)").params(content.value(), category).update();
        }
        return tagged(content);
    }

    private List<Category> tagged(ContentId content) {
        return jdbc.sql("""
                select c.* from content_categories c join content_category_items i on i.category_id = c.id
                where i.content_id = ? order by c.display_order, c.name, c.id""")
                .param(content.value()).query((rs, n) -> new Category(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
                        rs.getString("description"), rs.getString("icon"), rs.getInt("display_order"), rs.getBoolean("is_active"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Another organization's title, or none, is 404 to the caller, the same answer either way. */
    private void requireOwned(OrganizationId organization, ContentId content) {
        boolean owned = jdbc.sql("select exists (select 1 from contents where id = ? and organization_id = ?)")
                .params(content.value(), organization.value()).query(Boolean.class).single();
        if (!owned) {
            throw Contents.notFound();
        }
    }

    private static String slug(Fields fields) {
        String slug = fields.slug() == null || fields.slug().isBlank() ? Slug.suggest(fields.name(), "category") : fields.slug().strip();
        if (!Slug.isValid(slug)) {
            throw invalid("slug", "must be lowercase letters, digits and single hyphens");
        }
        return slug;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", java.util.Map.of("errors", List.of(new FieldError(field, message))));
    }

    private static ProblemException slugTaken() {
        return new ProblemException(WatchProblems.SLUG_TAKEN, "Another category has this slug.");
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such category.");
    }
}
