package id.modo.verse.studio.bible;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.Jobs;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.AssetId;
import id.modo.verse.media.Assets;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's IP bible PDFs: asking for one starts a {@link BiblePdfJob}; each finished one is a media asset recorded
 * in {@code bible_exports}, and the latest is what the project's readers download.
 *
 * <p>Reading an export is reading the project. Making one stores a file under the project, so it takes what uploading
 * the story's files takes: editing the story (its managers and story editors).
 */
@Service
public class BibleExports {

    private final ProjectAccess access;
    private final Jobs jobs;
    private final Assets assets;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    BibleExports(ProjectAccess access, Jobs jobs, Assets assets, JdbcClient jdbc, JsonMapper json) {
        this.access = access;
        this.jobs = jobs;
        this.assets = assets;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A finished export; {@code sections} in the PDF's order. */
    public record Export(UUID id, UUID jobId, AssetId assetId, BibleLanguage language, List<BibleSection> sections, int pageCount,
            long sizeBytes, Instant createdAt) {
    }

    /** Starts the job that writes the bible with {@code sections} in {@code language}; 404 / 403 as the project's story. */
    public Job request(UserId actor, ProjectId project, Collection<BibleSection> sections, BibleLanguage language) {
        ProjectView view = mayMake(actor, project);
        List<String> keys = EnumSet.copyOf(sections).stream().map(BibleSection::key).toList();
        return jobs.submit(BiblePdfJob.KIND, actor.value(), view.organizationId().value(), project.value(),
                Map.of(BiblePdfJob.SECTIONS, keys, BiblePdfJob.LANGUAGE, language.key()));
    }

    /** The project if the actor may make its bible: 404 when they may not see it, 403 when they see it but may not. */
    ProjectView mayMake(UserId actor, ProjectId project) {
        return access.edit(actor, project, Section.STORY);
    }

    /** Whether the actor may make the bible, for a page deciding what to show. */
    public boolean canMake(ProjectView view) {
        return view.editable().contains(Section.STORY);
    }

    /** The latest finished export, for whoever may read the project (404 otherwise); empty when there is none. */
    public Optional<Export> latest(UserId actor, ProjectId project) {
        access.read(actor, project);
        return latest(project);
    }

    Optional<Export> latest(ProjectId project) {
        return jdbc.sql("""
                select id, job_id, asset_id, language, sections::text as sections, page_count, size_bytes, created_at
                from bible_exports where project_id = ? order by created_at desc, id desc limit 1""")
                .param(project.value())
                .query((rs, n) -> new Export(rs.getObject("id", UUID.class), rs.getObject("job_id", UUID.class),
                        AssetId.of(rs.getObject("asset_id", UUID.class)), BibleLanguage.byKey(rs.getString("language")).orElseThrow(),
                        sections(rs.getString("sections")), rs.getInt("page_count"), rs.getLong("size_bytes"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** The latest PDF's bytes as a stream (the caller closes it); a 404 problem when there is none or its file is gone. */
    public InputStream open(UserId actor, ProjectId project, Export export) {
        OrganizationId organization = access.read(actor, project).organizationId();
        try {
            return assets.open(organization, export.assetId(), 0, -1).orElseThrow(BibleExports::noBible);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records a finished export once per job: a run repeated after its node died finds its row and keeps the first. */
    boolean record(ProjectId project, UUID jobId, AssetId asset, BibleLanguage language, Collection<BibleSection> sections, int pages,
            long size, UUID createdBy, Instant now) {
        return jdbc.sql("""
                insert into bible_exports (project_id, job_id, asset_id, language, sections, page_count, size_bytes, created_by, created_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (job_id) do nothing""")
                .params(project.value(), jobId, asset.value(), language.key(),
                        json.writeValueAsString(sections.stream().map(BibleSection::key).toList()), pages, size, createdBy,
                        java.sql.Timestamp.from(now))
                .update() == 1;
    }

    static ProblemException noBible() {
        return new ProblemException(ProblemType.NOT_FOUND, "This project has no bible PDF yet: generate one first.");
    }

    private List<BibleSection> sections(String stored) {
        List<BibleSection> sections = new ArrayList<>();
        for (String key : json.readValue(stored, new TypeReference<List<String>>() {
        })) {
            BibleSection.byKey(key).ifPresent(sections::add);
        }
        return sections;
    }

    static Set<BibleSection> all() {
        return EnumSet.allOf(BibleSection.class);
    }
}
