package id.modo.verse.studio.script;

import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.JobContext;
import id.modo.verse.common.jobs.JobHandler;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The screenplay PDF as a job: reads the script as the person who asked (so access taken away meanwhile
 * fails the job), writes it reporting each page, and keeps the file for download. Progress is in pages.
 */
@Component
class ScreenplayPdfJob implements JobHandler {

    static final String KIND = "screenplay-pdf";
    static final String PAPER = "paper";

    private final Scripts scripts;
    private final ProjectAccess access;

    ScreenplayPdfJob(Scripts scripts, ProjectAccess access) {
        this.scripts = scripts;
        this.access = access;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> run(JobContext context) {
        Job job = context.job();
        ScreenplayPdf.Paper paper = ScreenplayPdf.Paper.valueOf((String) job.input().get(PAPER));
        Scripts.ScriptView script = scripts.get(UserId.of(job.createdBy()), ProjectId.of(job.subject()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ScreenplayPdf.render(Scripts.printable(script), paper, out,
                (written, pages) -> context.progress(written, pages, written + " of " + pages + " pages"));
        String fileName = ScriptApiController.fileName(script, "pdf");
        context.output(fileName, MediaType.APPLICATION_PDF_VALUE, out.toByteArray());
        return Map.of("file_name", fileName, "size", out.size());
    }

    /** A project's export is the project's: everyone who may read the project may watch it and download it. */
    @Override
    public boolean visibleTo(UUID user, Job job) {
        return access.find(UserId.of(user), ProjectId.of(job.subject())).isPresent();
    }
}
