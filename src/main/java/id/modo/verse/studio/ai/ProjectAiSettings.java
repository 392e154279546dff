package id.modo.verse.studio.ai;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's AI settings: the tone and audience every prompt of the project is written for, the language it is
 * written in, and the credits its generations may take per calendar month (none: only the organization's balance
 * limits them). Anyone who sees the project reads them; its managers (producers, owners) change them.
 */
@Service
public class ProjectAiSettings {

    static final int MAX_TEXT = 200;

    public record Settings(String tone, String audience, String language, Integer monthlyCreditAllotment) {
        static final Settings DEFAULT = new Settings(null, null, "en", null);
    }

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final Clock clock;

    ProjectAiSettings(JdbcClient jdbc, ProjectAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Settings get(UserId actor, ProjectId project) {
        access.read(actor, project);
        return of(project.value());
    }

    /** Replaces the settings: 400 with a field error each for a wrong language, allotment or a text that is too long. */
    @Transactional
    public Settings put(UserId actor, ProjectId project, Settings settings) {
        access.manage(actor, project);
        List<FieldError> errors = new ArrayList<>();
        if (settings.language() == null || !List.of("en", "id").contains(settings.language())) {
            errors.add(new FieldError("language", "must be en (English) or id (Bahasa Indonesia)"));
        }
        if (settings.monthlyCreditAllotment() != null && settings.monthlyCreditAllotment() < 1) {
            errors.add(new FieldError("monthly_credit_allotment", "must be at least 1, or null for no allotment"));
        }
        if (settings.tone() != null && settings.tone().length() > MAX_TEXT) {
            errors.add(new FieldError("tone", "must be at most " + MAX_TEXT + " characters"));
        }
        if (settings.audience() != null && settings.audience().length() > MAX_TEXT) {
            errors.add(new FieldError("audience", "must be at most " + MAX_TEXT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        Settings stored = new Settings(blankToNull(settings.tone()), blankToNull(settings.audience()), settings.language(),
                settings.monthlyCreditAllotment());
        jdbc.sql("""
                insert into project_ai_settings (project_id, tone, audience, language, monthly_credit_allotment, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (project_id) do update set tone = excluded.tone, audience = excluded.audience, language = excluded.language,
                  monthly_credit_allotment = excluded.monthly_credit_allotment, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(project.value(), stored.tone(), stored.audience(), stored.language(), stored.monthlyCreditAllotment(), actor.value(),
                        Timestamp.from(clock.instant()))
                .update();
        return stored;
    }

    /** The project's settings without a check of who asks, for the gateway and for flows that checked already. */
    Settings of(UUID project) {
        return jdbc.sql("select tone, audience, language, monthly_credit_allotment from project_ai_settings where project_id = ?")
                .param(project)
                .query((rs, n) -> new Settings(rs.getString("tone"), rs.getString("audience"), rs.getString("language"),
                        (Integer) rs.getObject("monthly_credit_allotment")))
                .optional()
                .orElse(Settings.DEFAULT);
    }

    public OptionalInt monthlyAllotment(UUID project) {
        Integer allotment = of(project).monthlyCreditAllotment();
        return allotment == null ? OptionalInt.empty() : OptionalInt.of(allotment);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
