package id.modo.verse.studio.bible;

import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.JobContext;
import id.modo.verse.common.jobs.JobHandler;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.AssetView;
import id.modo.verse.media.Assets;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The bible PDF as a job: gathers the project as the person who asked sees it now (access taken away meanwhile fails
 * the job), embeds its pictures, lays it out, stores it as a media asset under the project and records the export.
 * Progress is in percent: gathering and pictures to 60, layout to 90, storing to 100.
 */
@Component
class BiblePdfJob implements JobHandler {

    static final String KIND = "bible-pdf";
    static final String SECTIONS = "sections";
    static final String LANGUAGE = "language";

    private final BibleContents contents;
    private final BiblePdf pdf;
    private final BibleExports exports;
    private final Assets assets;
    private final ProjectAccess access;
    private final ModoProperties modo;
    private final Clock clock;

    BiblePdfJob(BibleContents contents, BiblePdf pdf, BibleExports exports, Assets assets, ProjectAccess access, ModoProperties modo,
            Clock clock) {
        this.contents = contents;
        this.pdf = pdf;
        this.exports = exports;
        this.assets = assets;
        this.access = access;
        this.modo = modo;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> run(JobContext context) {
        Job job = context.job();
        UserId user = UserId.of(job.createdBy());
        ProjectId project = ProjectId.of(job.subject());
        Set<BibleSection> sections = EnumSet.noneOf(BibleSection.class);
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) job.input().get(SECTIONS);
        keys.forEach(key -> sections.add(BibleSection.byKey(key).orElseThrow()));
        BibleLanguage language = BibleLanguage.byKey((String) job.input().get(LANGUAGE)).orElseThrow();

        ProjectView view = exports.mayMake(user, project);
        context.progress(5, 100, "Gathering the bible");
        BibleDocument document = contents.read(user, project, sections, language, modo.web().defaultTimeZone(),
                embedded -> context.progress(Math.min(10 + 2L * embedded, 60), 100, embedded + " pictures embedded"));
        context.progress(60, 100, "Laying out the pages");
        BiblePdf.Rendered rendered = pdf.render(document);
        context.progress(90, 100, rendered.pages() + " pages written");

        String fileName = (view.slug() == null || view.slug().isBlank() ? "project" : view.slug()) + "-bible-" + language.key() + ".pdf";
        AssetView asset = assets.upload(user, view.organizationId(), project.value(), "story", fileName,
                new ByteArrayInputStream(rendered.pdf()));
        if (!exports.record(project, job.id(), asset.id(), language, sections, rendered.pages(), rendered.pdf().length, user.value(),
                clock.instant())) {
            // An earlier run of this job recorded its own PDF: keep that one, drop this copy.
            assets.delete(user, asset.id());
        }
        context.progress(100, 100, rendered.pages() + " pages");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file_name", fileName);
        result.put("pages", rendered.pages());
        result.put("size", rendered.pdf().length);
        result.put("download_url", "/api/v1/projects/" + project.value() + "/bible.pdf");
        return result;
    }

    /** A project's bible is the project's: everyone who may read the project may watch it being made. */
    @Override
    public boolean visibleTo(UUID user, Job job) {
        return access.find(UserId.of(user), ProjectId.of(job.subject())).isPresent();
    }
}
