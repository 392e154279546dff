package id.modo.verse.studio.prediction;

import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;
import java.util.List;
import java.util.Map;

/**
 * What the Prediction tab shows: the form (its values and field errors by the API's field names, such as
 * {@code cast.score}), the latest or just-made prediction with its chart, the earlier ones, and the model's accuracy.
 */
public record PredictionPage(ProjectView project, WorkspaceTabs tabs, boolean canPredict, List<String> factors,
        Map<String, String> values, Map<String, String> errors, PredictionView shown, PredictionChart chart,
        List<PredictionView> earlier, ModelEvaluation accuracy, Options options) {

    /** The values the form's selects offer. */
    public record Options(List<String> genres, List<String> ratings, List<String> creativeTypes, List<String> sources,
            List<String> currencies, List<String> markets) {
    }

    public String projectId() {
        return project.id().toString();
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.get(field);
    }
}
