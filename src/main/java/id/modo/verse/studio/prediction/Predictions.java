package id.modo.verse.studio.prediction;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.prediction.PredictionView.Accuracy;
import id.modo.verse.studio.prediction.PredictionView.Comparable;
import id.modo.verse.studio.prediction.PredictionView.Driver;
import id.modo.verse.studio.prediction.PredictionView.Score;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's audience predictions: the fitted {@link AudienceModel}'s gross with its interval, the audience it makes
 * in a market, the fifteen factors' scores, the model's drivers and the nearest real films, stored newest first. Seeing
 * them needs read access to the project; making one needs the {@code prediction} section ({@link ProjectAccess}).
 */
@Service
public class Predictions {

    static final int COMPARABLES = 5;
    private static final java.util.regex.Pattern MINUTES = java.util.regex.Pattern.compile("^\\s*(\\d{1,3})\\s*(m|min|mins|minute|minutes|menit)?\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final AudienceModels models;
    private final PredictionProperties properties;
    private final PredictionSuggestions suggestions;
    private final JsonMapper json;
    private final Clock clock;

    Predictions(JdbcClient jdbc, ProjectAccess access, AudienceModels models, PredictionProperties properties,
            PredictionSuggestions suggestions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.models = models;
        this.properties = properties;
        this.suggestions = suggestions;
        this.json = json;
        this.clock = clock;
    }

    /** Predicts for the project and stores it; 400 naming each wrong field, nothing stored then. */
    public PredictionView create(UserId actor, ProjectId project, PredictionRequest request) {
        ProjectView view = access.edit(actor, project, Section.PREDICTION);
        AudienceModel model = models.model();
        String currency = request.currency() == null ? "IDR" : request.currency();
        String market = request.market() == null ? properties.defaultMarket() : request.market();
        Traits traits = traits(request, model, currency, market, storyOf(project));
        BigDecimal usdRate = properties.usdRate().get(market);
        BigDecimal ticket = properties.ticketPrice().get(market);

        AudienceModel.Estimate estimate = model.estimate(traits.film());
        List<Film> near = model.neighbours(traits.film(), COMPARABLES);
        List<Comparable> comparables = near.stream().map(film -> new Comparable(film.title(), film.releaseYear(), film.genre(),
                film.mpaaRating(), usd(film.budget()), usd(film.worldwideGross()), audience(film.worldwideGross(), usdRate, ticket))).toList();
        int competitorAudience = median(comparables.stream().mapToInt(Comparable::audience).toArray());
        int budgetScore = model.budgetDecile(traits.film().budgetUsd());
        int competitorBudget = median(near.stream().mapToInt(film -> model.budgetDecile(film.budget())).toArray());
        List<Score> scores = scores(request, traits, budgetScore, competitorBudget);
        List<Driver> drivers = drivers(model.contributions(traits.film()), traits);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        Map<String, Object> inputData = inputData(request, currency);
        PredictionSuggestions.Started ai = suggestions.start(actor, view, inputData, traits.inputs(), estimate, market);
        jdbc.sql("""
                insert into performance_predictions (id, project_id, created_by, input_data, model_inputs, scores, predicted_audience,
                  competitor_audience, suggestions, model_version, gross_usd, gross_low_usd, gross_high_usd, market, ticket_price, usd_rate,
                  audience_low, audience_high, drivers, comparables, suggestions_status, suggestions_generation_id, created_at)
                values (:id, :project, :actor, cast(:input as jsonb), cast(:modelInputs as jsonb), cast(:scores as jsonb), :audience,
                  :competitor, '[]', :version, :gross, :low, :high, :market, :ticket, :rate, :audienceLow, :audienceHigh,
                  cast(:drivers as jsonb), cast(:comparables as jsonb), :status, :generation, :now)""")
                .param("id", id)
                .param("project", project.value())
                .param("actor", actor.value())
                .param("input", json.writeValueAsString(inputData))
                .param("modelInputs", json.writeValueAsString(traits.inputs()))
                .param("scores", json.writeValueAsString(scores))
                .param("audience", audience(estimate.gross(), usdRate, ticket))
                .param("competitor", competitorAudience)
                .param("version", AudienceModel.VERSION)
                .param("gross", money(estimate.gross()))
                .param("low", money(estimate.low()))
                .param("high", money(estimate.high()))
                .param("market", market)
                .param("ticket", ticket)
                .param("rate", usdRate)
                .param("audienceLow", audience(estimate.low(), usdRate, ticket))
                .param("audienceHigh", audience(estimate.high(), usdRate, ticket))
                .param("drivers", json.writeValueAsString(drivers))
                .param("comparables", json.writeValueAsString(comparables))
                .param("status", ai.status())
                .param("generation", ai.generationId())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        return find(project, id);
    }

    /** The project's predictions, newest first. */
    public Page<PredictionView> list(UserId actor, ProjectId project, String cursor, int limit) {
        access.read(actor, project);
        int size = Keyset.clamp(limit);
        KeysetCursor after = Keyset.after(cursor);
        Map<String, Object> params = new HashMap<>();
        params.put("project", project.value());
        params.put("fetch", Keyset.fetch(size));
        String where = "project_id = :project";
        if (after != null) {
            where += " and (created_at, id) < (:afterAt, :afterId)";
            params.put("afterAt", after.createdAt().atOffset(ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        List<PredictionView> rows = jdbc.sql("select * from performance_predictions where " + where
                        + " order by created_at desc, id desc limit :fetch")
                .params(params)
                .query(this::row)
                .list();
        return Keyset.page(rows, size, p -> new KeysetCursor(p.createdAt(), p.id())).map(suggestions::settle);
    }

    /** One prediction of the project; 404 for another project's, as for a missing one. */
    public PredictionView get(UserId actor, ProjectId project, UUID id) {
        access.read(actor, project);
        return suggestions.settle(find(project, id));
    }

    /** The traits the model reads, the budget in dollars, and what of them came from the project. */
    record Traits(FilmTraits film, Map<String, Object> inputs) {
    }

    /** What the project's story says that the model can read, null where it has no story. */
    record Story(String genre, String ageRating, String duration) {
    }

    private Story storyOf(ProjectId project) {
        // The genre is the project's (one home with the overview); the rest is the story's.
        return jdbc.sql("select p.genre, s.age_rating, s.duration from stories s join projects p on p.id = s.project_id where s.project_id = ?")
                .param(project.value())
                .query((rs, n) -> new Story(rs.getString("genre"), rs.getString("age_rating"), rs.getString("duration")))
                .optional()
                .orElse(new Story(null, null, null));
    }

    private Traits traits(PredictionRequest request, AudienceModel model, String currency, String market, Story story) {
        List<FieldError> errors = new ArrayList<>();
        FilmFeatures features = model.features();
        if (!properties.usdRate().containsKey(currency)) {
            errors.add(new FieldError("currency", "must be one of " + String.join(", ", properties.usdRate().keySet())));
        }
        if (!properties.ticketPrice().containsKey(market)) {
            errors.add(new FieldError("market", "must be one of " + String.join(", ", properties.ticketPrice().keySet())));
        }
        BigDecimal budget = new BigDecimal(request.productionBudget());
        if (budget.signum() <= 0) {
            errors.add(new FieldError("production_budget", "must be above 0"));
        }
        List<String> fromProject = new ArrayList<>();
        String genre = level(request.genre(), "genre", features.genres(), errors);
        if (request.genre() == null && (genre = match(story.genre(), features.genres())) != null) {
            fromProject.add("genre");
        }
        String rating = level(request.mpaaRating(), "mpaa_rating", features.ratings(), errors);
        if (request.mpaaRating() == null && (rating = match(story.ageRating(), features.ratings())) != null) {
            fromProject.add("mpaa_rating");
        }
        String creativeType = level(request.creativeType(), "creative_type", features.creativeTypes(), errors);
        String source = level(request.source(), "source", features.sources(), errors);
        Integer runningTime = request.runningTime();
        if (runningTime == null && (runningTime = minutes(story.duration())) != null) {
            fromProject.add("running_time");
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        double usd = budget.divide(properties.usdRate().get(currency), 2, RoundingMode.HALF_UP).doubleValue();
        FilmTraits film = new FilmTraits(Math.max(usd, 0.01), genre, rating, creativeType, source, runningTime, request.releaseMonth());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("production_budget_usd", usd(usd));
        inputs.put("genre", genre);
        inputs.put("mpaa_rating", rating);
        inputs.put("creative_type", creativeType);
        inputs.put("source", source);
        inputs.put("running_time", runningTime);
        inputs.put("release_month", request.releaseMonth());
        inputs.put("from_project", fromProject);
        return new Traits(film, inputs);
    }

    private static String level(String value, String field, List<String> levels, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        String found = match(value, levels);
        if (found == null) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", levels)));
        }
        return found;
    }

    private static String match(String value, List<String> levels) {
        if (value == null) {
            return null;
        }
        return levels.stream().filter(level -> level.equalsIgnoreCase(value.strip())).findFirst().orElse(null);
    }

    /** "90 minutes", "12 min", "95": the minutes; "10 eps" and the like are not a running time. */
    static Integer minutes(String duration) {
        if (duration == null) {
            return null;
        }
        Matcher m = MINUTES.matcher(duration);
        if (!m.find() || duration.toLowerCase(Locale.ROOT).contains("ep")) {
            return null;
        }
        int value = Integer.parseInt(m.group(1));
        return value >= 1 && value <= 600 ? value : null;
    }

    private static Map<String, Object> inputData(PredictionRequest request, String currency) {
        Map<String, Object> input = new LinkedHashMap<>();
        request.factors().forEach((key, factor) -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("score", factor.score());
            value.put("note", factor.note() == null || factor.note().isBlank() ? null : factor.note().strip());
            input.put(key, value);
        });
        input.put("production_budget", Map.of("amount", new BigDecimal(request.productionBudget()).setScale(2).toPlainString(), "currency", currency));
        input.put("promotion_budget", Map.of("amount", new BigDecimal(request.promotionBudget() == null ? "0" : request.promotionBudget())
                .setScale(2).toPlainString(), "currency", currency));
        return input;
    }

    /**
     * The fifteen factors' scores: the thirteen the creator scored, as scored (the film data measures none of them,
     * so they do not move the gross); the production budget's tenth among the films' budgets against the comparables';
     * the promotion budget in tenths of the production budget (10 = as much or more).
     */
    private static List<Score> scores(PredictionRequest request, Traits traits, int budgetScore, int competitorBudget) {
        List<Score> scores = new ArrayList<>();
        request.factors().forEach((key, factor) -> scores.add(new Score(key, factor.score(), null, false, "stated")));
        scores.add(new Score("production_budget", budgetScore, competitorBudget, true, "budget_decile"));
        BigDecimal production = new BigDecimal(request.productionBudget());
        BigDecimal promotion = new BigDecimal(request.promotionBudget() == null ? "0" : request.promotionBudget());
        int promotionScore = production.signum() == 0 ? 0
                : promotion.multiply(BigDecimal.TEN).divide(production, 0, RoundingMode.HALF_UP).min(BigDecimal.TEN).intValue();
        scores.add(new Score("promotion_budget", promotionScore, null, false, "promotion_share"));
        return scores;
    }

    /** The model's features summed per trait, with the value the project has (null = not stated: the average's effect). */
    private static List<Driver> drivers(Map<String, Double> contributions, Traits traits) {
        Map<String, Double> byTrait = new LinkedHashMap<>();
        for (String trait : List.of("production_budget", "genre", "mpaa_rating", "creative_type", "source", "running_time", "release_month")) {
            byTrait.put(trait, 0.0);
        }
        contributions.forEach((feature, value) -> byTrait.merge(trait(feature), value, Double::sum));
        List<Driver> drivers = new ArrayList<>();
        byTrait.forEach((trait, sum) -> {
            Object value = "production_budget".equals(trait) ? traits.inputs().get("production_budget_usd") : traits.inputs().get(trait);
            drivers.add(new Driver(trait, value == null ? null : value.toString(), Math.round(Math.exp(sum) * 1000) / 1000.0));
        });
        return drivers;
    }

    private static String trait(String feature) {
        if (feature.equals(FilmFeatures.LOG_BUDGET)) {
            return "production_budget";
        }
        if (feature.startsWith("running_time")) {
            return "running_time";
        }
        return switch (feature.substring(0, feature.indexOf('='))) {
            case "genre" -> "genre";
            case "mpaa" -> "mpaa_rating";
            case "creative_type" -> "creative_type";
            case "source" -> "source";
            default -> "release_month";
        };
    }

    /** Tickets a gross in US dollars buys in the market, at most what the column holds. */
    static int audience(double grossUsd, BigDecimal usdRate, BigDecimal ticketPrice) {
        double tickets = grossUsd * usdRate.doubleValue() / ticketPrice.doubleValue();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, Math.round(tickets)));
    }

    private static int median(int[] values) {
        int[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
    }

    private static BigDecimal money(double usd) {
        return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP);
    }

    private static String usd(double usd) {
        return money(usd).toPlainString();
    }

    private PredictionView find(ProjectId project, UUID id) {
        return jdbc.sql("select * from performance_predictions where id = ? and project_id = ?")
                .params(id, project.value())
                .query(this::row)
                .optional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such prediction."));
    }

    private PredictionView row(ResultSet rs, int n) throws SQLException {
        String version = rs.getString("model_version");
        AudienceModel model = AudienceModel.VERSION.equals(version) ? models.model() : null;
        return new PredictionView(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getObject("created_by", UUID.class), read(rs, "input_data", new TypeReference<Map<String, Object>>() { }),
                read(rs, "model_inputs", new TypeReference<Map<String, Object>>() { }), plain(rs, "gross_usd"), plain(rs, "gross_low_usd"),
                plain(rs, "gross_high_usd"), rs.getString("market"), plain(rs, "ticket_price"), (Integer) rs.getObject("predicted_audience"),
                (Integer) rs.getObject("audience_low"), (Integer) rs.getObject("audience_high"), (Integer) rs.getObject("competitor_audience"),
                read(rs, "scores", new TypeReference<List<Score>>() { }), read(rs, "drivers", new TypeReference<List<Driver>>() { }),
                read(rs, "comparables", new TypeReference<List<Comparable>>() { }), read(rs, "suggestions", new TypeReference<List<String>>() { }),
                rs.getString("suggestions_status"), rs.getObject("suggestions_generation_id", UUID.class), version, model == null ? null : Accuracy.of(model.evaluation()),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }

    private <T> T read(ResultSet rs, String column, TypeReference<T> type) throws SQLException {
        return json.readValue(rs.getString(column), type);
    }

    private static String plain(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
