package id.modo.verse.watch;

import id.modo.verse.common.ConstraintViolations;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.Slug;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's contents as their publisher manages them. Members see them, members who may edit content change
 * them; a content of another organization answers 404 like a missing one.
 */
@Service
public class Contents {

    private final ContentRepository contents;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final ProjectAccess projects;
    private final Clock clock;

    Contents(ContentRepository contents, Organizations organizations, JdbcClient jdbc, ProjectAccess projects, Clock clock) {
        this.contents = contents;
        this.projects = projects;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public ContentView create(UserId actor, OrganizationId organization, ContentFields fields) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        requireProject(actor, organization, fields);
        String slug = fields.slug() == null || fields.slug().isBlank()
                ? Slug.free(Slug.suggest(fields.title(), "content"), this::slugTaken)
                : requestedSlug(fields.slug(), null);
        Content content = Content.create(organization.value(), slug, fields, clock.instant());
        return save(content).view();
    }

    public ContentView get(UserId actor, OrganizationId organization, ContentId id) {
        organizations.require(actor, organization, Permission.VIEW);
        return load(organization, id).view();
    }

    /** The organization's contents, newest first, optionally of one status. */
    public Page<ContentView> list(UserId actor, OrganizationId organization, ContentStatus status, String cursor, int limit) {
        organizations.require(actor, organization, Permission.VIEW);
        KeysetCursor after = Keyset.after(cursor);
        List<UUID> ids = jdbc.sql("""
                select id, created_at from contents
                where organization_id = :org and (cast(:status as varchar) is null or status = :status)
                  and (cast(:afterAt as timestamptz) is null or (created_at, id) < (:afterAt, :afterId))
                order by created_at desc, id desc limit :fetch""")
                .param("org", organization.value())
                .param("status", status == null ? null : status.dbValue())
                .param("afterAt", after == null ? null : after.createdAt().atOffset(ZoneOffset.UTC))
                .param("afterId", after == null ? null : after.id())
                .param("fetch", Keyset.fetch(limit))
                .query((rs, n) -> rs.getObject("id", UUID.class))
                .list();
        Map<UUID, Content> found = new java.util.HashMap<>();
        contents.findAllById(ids).forEach(c -> found.put(c.id(), c));
        List<ContentView> views = ids.stream().map(found::get).filter(java.util.Objects::nonNull).map(Content::view).toList();
        return Keyset.page(views, limit, v -> new KeysetCursor(v.createdAt(), v.id().value()));
    }

    @Transactional
    public ContentView update(UserId actor, OrganizationId organization, ContentId id, ContentFields change) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Content content = load(organization, id);
        requireProject(actor, organization, change);
        if (change.slug() != null && !change.slug().isBlank() && !change.slug().strip().equals(content.slug())) {
            requestedSlug(change.slug(), content.id());
        }
        content.update(change, clock.instant());
        return save(content).view();
    }

    @Transactional
    public ContentView changeStatus(UserId actor, OrganizationId organization, ContentId id, ContentStatus target) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Content content = load(organization, id);
        if (target == ContentStatus.PUBLISHED && content.status() == ContentStatus.PROCESSING && !hasReadyVideo(content)) {
            throw new ProblemException(WatchProblems.NOT_READY, content.type().episodic()
                    ? "Publish the series once at least one episode's video is transcoded."
                    : "Publish once the video is transcoded; upload one first if there is none.");
        }
        content.moveTo(target, clock.instant());
        return save(content).view();
    }

    /** Removes the content with its seasons, episodes, videos and viewers' history; its uploaded files go too ({@link Videos}). */
    @Transactional
    public void delete(UserId actor, OrganizationId organization, ContentId id) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Content content = load(organization, id);
        if (jdbc.sql("select count(*) from content_videos where content_id = ? and state = 'processing'").param(content.id())
                .query(Integer.class).single() > 0) {
            throw new ProblemException(WatchProblems.TRANSCODING, "A video of this content is being transcoded. Delete it once that ends.");
        }
        contents.delete(content);
        contents.flush();
    }

    /** The content for a change, locked by its version: 404 when it is not the organization's. */
    Content load(OrganizationId organization, ContentId id) {
        return contents.findById(id.value()).filter(c -> c.organizationId().equals(organization.value()))
                .orElseThrow(Contents::notFound);
    }

    /** A linked Studio project must be one of this organization's that the publisher may see. */
    private void requireProject(UserId actor, OrganizationId organization, ContentFields fields) {
        if (fields.projectId() != null && projects.find(actor, ProjectId.of(fields.projectId()))
                .filter(project -> project.organizationId().equals(organization)).isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", List.of(
                    new FieldError("project_id", "is not a project of this organization"))));
        }
    }

    private boolean hasReadyVideo(Content content) {
        return jdbc.sql("select exists (select 1 from content_videos where content_id = ? and state = 'ready')")
                .param(content.id()).query(Boolean.class).single();
    }

    private Content save(Content content) {
        try {
            return contents.saveAndFlush(content);
        } catch (DataIntegrityViolationException e) {
            if (!ConstraintViolations.isUnique(e)) {
                throw e;
            }
            throw new ProblemException(WatchProblems.SLUG_TAKEN, "The address '" + content.slug() + "' was just taken. Choose another.");
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ProblemException(ProblemType.CONCURRENT_CHANGE, "Someone changed this content at the same moment. Read it again and retry.");
        }
    }

    private String requestedSlug(String requested, UUID self) {
        String slug = requested.strip();
        if (!Slug.isValid(slug)) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", List.of(
                    new FieldError("slug", "must be lowercase letters, digits and single hyphens"))));
        }
        boolean taken = jdbc.sql("select exists (select 1 from contents where slug = ? and id <> ?)")
                .params(slug, self == null ? new UUID(0, 0) : self).query(Boolean.class).single();
        if (taken) {
            throw new ProblemException(WatchProblems.SLUG_TAKEN, "The address '" + slug + "' is taken.",
                    Map.of("suggestion", Slug.free(slug, this::slugTaken)));
        }
        return slug;
    }

    private boolean slugTaken(String slug) {
        return jdbc.sql("select exists (select 1 from contents where slug = ?)").param(slug).query(Boolean.class).single();
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such content.");
    }
}
