package id.modo.verse.studio.prediction;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.Ui;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.WorkspaceTab;
import id.modo.verse.studio.WorkspaceTabs;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Prediction tab: the form of the fifteen factors and the film's traits (anyone with the prediction section), the
 * newest prediction or the one just made with its chart, factor scores, comparables, suggestions and the model's
 * held-out accuracy, and the earlier ones. A wrong field re-shows the form with the error beside it (400).
 */
@Controller
class PredictionPagesController {

    static final int EARLIER = 10;
    private static final List<String> FACTORS = List.of("cast", "director", "producer", "exec_producer", "distributor", "publisher",
            "brand_positioning", "theme", "usp", "story_values", "fans_loyalty", "social_media", "teaser_engagement");

    private final Predictions predictions;
    private final ProjectAccess access;
    private final AudienceModels models;
    private final PredictionProperties properties;
    private final WorkspaceTabs tabs;
    private final Validator validator;

    PredictionPagesController(Predictions predictions, ProjectAccess access, AudienceModels models, PredictionProperties properties,
            WorkspaceTabs tabs, Validator validator) {
        this.predictions = predictions;
        this.access = access;
        this.models = models;
        this.properties = properties;
        this.tabs = tabs;
        this.validator = validator;
    }

    /** The tab, between the universe and the versions. */
    @Configuration(proxyBeanMethods = false)
    static class Tab {
        @Bean
        WorkspaceTab predictionTab() {
            return new WorkspaceTab("prediction", "prediction.tab", 70);
        }
    }

    @GetMapping("/projects/{projectId}/prediction")
    String page(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @ModelAttribute("ui") Ui ui,
            @RequestParam(required = false) UUID shown, Model model) {
        ProjectView project = access.read(caller.id(), projectId);
        PredictionView prediction = shown == null ? null : predictions.get(caller.id(), projectId, shown);
        model.addAttribute("page", page(caller, project, defaults(prediction), Map.of(), prediction, ui));
        return "studio/prediction";
    }

    @PostMapping("/projects/{projectId}/prediction")
    String predict(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @ModelAttribute("ui") Ui ui,
            @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        ProjectView project = access.edit(caller.id(), projectId, Section.PREDICTION);
        Map<String, String> errors = new LinkedHashMap<>();
        PredictionRequest request = request(form, errors);
        if (errors.isEmpty()) {
            for (ConstraintViolation<PredictionRequest> violation : validator.validate(request)) {
                errors.putIfAbsent(snake(violation.getPropertyPath().toString()), PredictionErrors.of(violation, ui));
            }
        }
        if (errors.isEmpty()) {
            try {
                PredictionView made = predictions.create(caller.id(), projectId, request);
                return "redirect:/projects/" + projectId + "/prediction?shown=" + made.id();
            } catch (ProblemException e) {
                if (!e.type().equals(ProblemType.VALIDATION)) {
                    throw e;
                }
                @SuppressWarnings("unchecked")
                List<FieldError> fieldErrors = (List<FieldError>) e.properties().get("errors");
                fieldErrors.forEach(error -> errors.putIfAbsent(error.field(), PredictionErrors.of(error.message(), ui)));
            }
        }
        errors.replaceAll((field, message) -> PredictionErrors.of(message, ui));
        response.setStatus(400);
        Map<String, String> values = new LinkedHashMap<>(form);
        model.addAttribute("page", page(caller, project, values, errors, null, ui));
        return "studio/prediction";
    }

    private PredictionPage page(CurrentUser caller, ProjectView project, Map<String, String> values, Map<String, String> errors,
            PredictionView shown, Ui ui) {
        List<PredictionView> all = predictions.list(caller.id(), project.id(), null, EARLIER + 1).items();
        PredictionView current = shown != null ? shown : all.isEmpty() ? null : all.getFirst();
        List<PredictionView> earlier = current == null ? all : all.stream().filter(p -> !p.id().equals(current.id())).limit(EARLIER).toList();
        AudienceModel model = models.model();
        FilmFeatures features = model.features();
        PredictionPage.Options options = new PredictionPage.Options(features.genres(), features.ratings(), features.creativeTypes(),
                features.sources(), List.copyOf(properties.usdRate().keySet()), List.copyOf(properties.ticketPrice().keySet()));
        return new PredictionPage(project, tabs, project.canEdit(Section.PREDICTION), FACTORS, values, errors, current,
                current == null ? null : PredictionChart.of(current, ui.t("prediction.chart.this")), earlier, model.evaluation(), options);
    }

    /** The form's starting values: those of the prediction shown, else a middle score and the default currency and market. */
    private Map<String, String> defaults(PredictionView shown) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String factor : FACTORS) {
            values.put(factor + ".score", "5");
        }
        values.put("currency", "IDR");
        values.put("market", properties.defaultMarket());
        if (shown != null) {
            for (String factor : FACTORS) {
                if (shown.inputData().get(factor) instanceof Map<?, ?> value) {
                    values.put(factor + ".score", String.valueOf(value.get("score")));
                    values.put(factor + ".note", value.get("note") == null ? "" : value.get("note").toString());
                }
            }
            for (String budget : List.of("production_budget", "promotion_budget")) {
                if (shown.inputData().get(budget) instanceof Map<?, ?> value) {
                    values.put(budget, String.valueOf(value.get("amount")));
                    values.put("currency", String.valueOf(value.get("currency")));
                }
            }
            values.put("market", shown.market());
            // The traits sent again as sent; those the project gave stay "from the project".
            Object fromProject = shown.modelInputs().get("from_project");
            for (String trait : List.of("genre", "mpaa_rating", "creative_type", "source", "running_time", "release_month")) {
                Object value = shown.modelInputs().get(trait);
                if (value != null && !(fromProject instanceof List<?> list && list.contains(trait))) {
                    values.put(trait, value.toString());
                }
            }
        }
        return values;
    }

    /** The form as the API's request; a score or number that is not a whole number is an error of its field. */
    static PredictionRequest request(Map<String, String> form, Map<String, String> errors) {
        List<PredictionRequest.Factor> factors = new ArrayList<>();
        for (String factor : FACTORS) {
            factors.add(new PredictionRequest.Factor(whole(form, factor + ".score", errors), text(form, factor + ".note")));
        }
        return new PredictionRequest(factors.get(0), factors.get(1), factors.get(2), factors.get(3), factors.get(4), factors.get(5),
                factors.get(6), factors.get(7), factors.get(8), factors.get(9), factors.get(10), factors.get(11), factors.get(12),
                amount(form, "production_budget"), amount(form, "promotion_budget"), text(form, "currency"), text(form, "genre"),
                text(form, "mpaa_rating"), text(form, "creative_type"), text(form, "source"), whole(form, "running_time", errors),
                whole(form, "release_month", errors), text(form, "market"));
    }

    private static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** People write "1.500.000.000" or "1,500,000,000"; the API takes plain digits. */
    private static String amount(Map<String, String> form, String field) {
        String value = text(form, field);
        return value == null ? null : value.replace(" ", "").replaceAll("[.,](?=\\d{3}(\\D|$))", "");
    }

    private static Integer whole(Map<String, String> form, String field, Map<String, String> errors) {
        String value = text(form, field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.put(field, PredictionErrors.WHOLE);
            return null;
        }
    }

    /** {@code execProducer.score} as the API names it: {@code exec_producer.score}. */
    static String snake(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
