package id.modo.verse.studio.prediction;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(name = "Prediction", description = "A project's audience predictions from a model fitted on real films")
@RestController
@RequestMapping("/api/v1/projects/{projectId}/predictions")
class PredictionApiController {

    private final Predictions predictions;

    PredictionApiController(Predictions predictions) {
        this.predictions = predictions;
    }

    @Operation(summary = "The project's predictions, newest first", description = """
            For anyone who may see the project. Keyset paged (`limit` 1..100, default 20; `cursor` from `next_cursor`). \
            A pending prediction's AI suggestions are filled in once their generation ended.""")
    @GetMapping
    Page<PredictionView> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return predictions.list(caller.id(), projectId, cursor, Keyset.limit(limit, "The limit must be between 1 and 100."));
    }

    @Operation(summary = "One prediction")
    @GetMapping("/{predictionId}")
    PredictionView get(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID predictionId) {
        return predictions.get(caller.id(), projectId, predictionId);
    }

    @Operation(summary = "Predict the project's gross and audience", description = """
            Needs the `prediction` section of the project (owners, admins, and collaborators given it). The model \
            (docs/prediction.md) predicts the worldwide gross in US dollars with an 80 % interval from held-out \
            residuals; the audience is that gross in the market's currency over its average ticket price \
            (`modo.studio.prediction.*`). When an AI provider serves the organization the suggestions are asked for \
            (`suggestions_status` pending, a `performance_suggestions` generation with its credits); without one, \
            `not_configured` and none.""")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PredictionView create(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody PredictionRequest request, HttpServletResponse response) {
        PredictionView created = predictions.create(caller.id(), projectId, request);
        response.setHeader(HttpHeaders.LOCATION,
                ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUriString());
        return created;
    }
}
