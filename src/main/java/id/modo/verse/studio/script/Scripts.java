package id.modo.verse.studio.script;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.Jobs;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.Versions;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's screenplay: Fountain text in {@code stories.generated_script}, its number in
 * {@code stories.script_version}. Every save is a version (entity type {@code script}, the story's
 * id, section {@code script}) and the column always holds the current version's number, so a
 * client's {@code base_version} is both.
 */
@Service
public class Scripts {

    static final String ENTITY_TYPE = "script";
    static final String SECTION = "script";
    /** Far above a feature film (~200,000 characters) and inside the 1 MB request body limit. */
    static final int MAX_LENGTH = 500_000;

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final Versions versions;
    private final StoryScript storyScript;
    private final Jobs jobs;

    Scripts(JdbcClient jdbc, ProjectAccess access, Versions versions, StoryScript storyScript, Jobs jobs) {
        this.jdbc = jdbc;
        this.access = access;
        this.versions = versions;
        this.storyScript = storyScript;
        this.jobs = jobs;
    }

    /**
     * The script as saved, with who saved it last.
     *
     * @param savedBy null before the first save or when the account is gone
     */
    public record ScriptView(ProjectView project, UUID storyId, String script, int version, UserId savedById,
            String savedBy, Instant savedAt, boolean editable) {}

    @Transactional(readOnly = true)
    ScriptView get(UserId actor, ProjectId project) {
        return view(access.read(actor, project));
    }

    /**
     * Saves the text as the next version. {@code baseVersion} is the {@code script_version} the
     * edit started from; another save since then is 409 {@code edit-conflict} (from
     * {@link Versions#save}) with the current text and who saved it.
     */
    @Transactional
    public ScriptView save(UserId actor, ProjectId project, String script, int baseVersion) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        if (script.length() > MAX_LENGTH) {
            throw new ProblemException(ProblemType.VALIDATION, "The script is longer than " + MAX_LENGTH + " characters.",
                    Map.of("errors", List.of(Map.of("field", "script",
                            "message", "must be at most " + MAX_LENGTH + " characters"))));
        }
        UUID story = storyId(project);
        Version saved = versions.save(project, ENTITY_TYPE, story, SECTION, script, baseVersion, actor);
        storyScript.write(project, story, saved.content(), saved.number());
        return view(view);
    }

    /** Writes the screenplay PDF. */
    @Transactional(readOnly = true)
    ScriptView pdf(UserId actor, ProjectId project, ScreenplayPdf.Paper paper, OutputStream out) {
        ScriptView script = get(actor, project);
        ScreenplayPdf.render(printable(script), paper, out);
        return script;
    }

    /**
     * Starts writing the screenplay PDF in the background ({@link ScreenplayPdfJob}), for scripts too long to
     * wait for in one request; whoever may read the project may watch it and download the file.
     */
    public Job exportPdf(UserId actor, ProjectId project, ScreenplayPdf.Paper paper) {
        ProjectView view = access.read(actor, project);
        return jobs.submit(ScreenplayPdfJob.KIND, actor.value(), view.organizationId().value(), project.value(),
                Map.of(ScreenplayPdfJob.PAPER, paper.name()));
    }

    /** The script parsed for printing; one without a title page gets one with the project's title. */
    static Screenplay printable(ScriptView script) {
        Screenplay play = FountainParser.parse(script.script());
        if (play.titlePage().isEmpty()) {
            play = new Screenplay(List.of(new Screenplay.TitleField("title", List.of(script.project().title()))),
                    play.elements());
        }
        return play;
    }

    private UUID storyId(ProjectId project) {
        return jdbc.sql("select id from stories where project_id = ?")
                .param(project.value())
                .query(UUID.class)
                .optional()
                // every project is created with its story; a missing one is a project we cannot show
                .orElseThrow(ProjectAccess::notFound);
    }

    private ScriptView view(ProjectView project) {
        record Row(UUID id, String script, int version) {}
        Row row = jdbc.sql("select id, generated_script, script_version from stories where project_id = ?")
                .param(project.id().value())
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("generated_script"), rs.getInt("script_version")))
                .optional()
                .orElseThrow(ProjectAccess::notFound);
        Optional<Version> current = versions.current(ENTITY_TYPE, row.id(), SECTION);
        return new ScriptView(project, row.id(), row.script() == null ? "" : row.script(), row.version(),
                current.map(Version::author).orElse(null), current.map(Version::authorName).orElse(null),
                current.map(Version::createdAt).orElse(null), project.canEdit(Section.STORY));
    }
}
