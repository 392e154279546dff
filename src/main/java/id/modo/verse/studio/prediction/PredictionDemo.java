package id.modo.verse.studio.prediction;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.common.jobs.JobContext;
import id.modo.verse.common.jobs.JobHandler;
import id.modo.verse.common.jobs.Jobs;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.prediction.PredictionRequest.Factor;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Si Kancil's demo prediction, made by its owner without any AI provider. Fitting the model takes seconds, so the
 * seeder only starts a job (stored in the seeding transaction, so a stop before it ran leaves it to run at the next
 * start); the job makes the prediction unless the project already has one, so a run repeated after a crash makes
 * no second.
 */
@Service
class PredictionDemo implements DemoSeeder, JobHandler {

    static final String KIND = "prediction-demo";

    private final Jobs jobs;
    private final Predictions predictions;
    private final JdbcClient jdbc;

    PredictionDemo(Jobs jobs, Predictions predictions, JdbcClient jdbc) {
        this.jobs = jobs;
        this.predictions = predictions;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return CONTENT + 20;
    }

    @Override
    public void seed(DemoContext demo) {
        UUID organization = demo.tenant(Tenant.KANCIL);
        UUID project = jdbc.sql("select id from projects where organization_id = ? and slug = 'si-kancil'")
                .param(organization).query(UUID.class).single();
        jobs.submit(KIND, demo.person(Person.KANCIL_OWNER), organization, project, Map.of());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> run(JobContext context) {
        UUID project = context.job().subject();
        boolean made = jdbc.sql("select exists (select 1 from performance_predictions where project_id = ?)").param(project)
                .query(Boolean.class).single();
        if (!made) {
            context.progress(0, 1, "Fitting the audience model");
            predictions.create(UserId.of(context.job().createdBy()), ProjectId.of(project), request());
            context.progress(1, 1, "Predicted");
        }
        return Map.of("project_id", project.toString());
    }

    /** A 12-minute folk-tale short with a modest budget, scored as its small studio would. */
    static PredictionRequest request() {
        return new PredictionRequest(new Factor(5, "Voice cast from the studio's own series"), new Factor(6, null), new Factor(6, null),
                new Factor(4, null), new Factor(4, "Looking for a family-film distributor"), new Factor(5, null),
                new Factor(7, "The best-known folk hero of the archipelago"), new Factor(8, null), new Factor(7, "Wit beats strength"),
                new Factor(9, null), new Factor(6, "Every Indonesian child knows Kancil"), new Factor(5, null), new Factor(4, null),
                "8000000000", "2000000000", "IDR", "Adventure", null, "Kids Fiction", "Traditional/Legend/Fairytale", null, 7, "IDR");
    }
}
