package id.modo.verse.studio.script;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.studio.ProjectId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The script's two columns on the story row, written by a save and by a restore alike. */
@Component
class StoryScript {

    private final JdbcClient jdbc;
    private final Clock clock;

    StoryScript(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes {@code script} the project's screenplay at version {@code number}; 404 when the story is gone. */
    void write(ProjectId project, UUID story, String script, int number) {
        int updated = jdbc.sql("update stories set generated_script = ?, script_version = ?, updated_at = ? where id = ? and project_id = ?")
                .params(script, number, Timestamp.from(clock.instant()), story, project.value())
                .update();
        if (updated == 0) {
            throw new ProblemException(ProblemType.NOT_FOUND, "This project has no story any more.");
        }
    }
}
