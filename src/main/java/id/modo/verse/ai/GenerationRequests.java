package id.modo.verse.ai;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.RateLimiter;
import id.modo.verse.common.TooManyRequestsException;
import id.modo.verse.billing.Plan;
import id.modo.verse.billing.PlanLimits;
import id.modo.verse.common.jobs.JobTransitionException;
import id.modo.verse.credit.CreditProperties;
import id.modo.verse.credit.CreditReservations;
import id.modo.verse.credit.ReservationId;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generations people ask for, with exact credits: the price is held before any provider is called, the actual cost
 * committed when the answer came, the hold released when none did; the usage row is written in the transaction that
 * commits or releases, so the ledger and {@code ai_usage_logs} always agree. A generation answered in the request
 * ({@link GenerationMode#SYNC}, {@link GenerationMode#STREAM}) needs a free slot of its organization's plan at once; a
 * {@link GenerationMode#JOB} waits for one in order ({@link GenerationSlots}). A process killed mid-call leaves its
 * hold, which the credit module's expiry frees, and its generation running, which {@link GenerationSlots#sweep} ends.
 */
@Service
public class GenerationRequests {

    /** The rate limiter's key prefix: one window per user. */
    static final String RATE_KEY = "ai-generations:";
    static final String RESERVATION_TYPE = "ai_generation";

    private final Organizations organizations;
    private final PlanLimits planLimits;
    private final Routing routing;
    private final ModelCatalogue catalogue;
    private final PromptTemplates templates;
    private final GenerationRun run;
    private final GenerationStore store;
    private final GenerationSlots slots;
    private final ProjectAllotments allotments;
    private final CreditReservations reservations;
    private final RateLimiter rateLimiter;
    private final ObjectProvider<GenerationProjects> projects;
    private final GenerationProperties properties;
    private final Duration requestHold;
    private final Duration jobHold;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GenerationRequests(Organizations organizations, PlanLimits planLimits, Routing routing, ModelCatalogue catalogue, PromptTemplates templates, GenerationRun run,
            GenerationStore store, GenerationSlots slots, ProjectAllotments allotments, CreditReservations reservations, RateLimiter rateLimiter,
            ObjectProvider<GenerationProjects> projects, GenerationProperties properties, AiProperties ai, CreditProperties credits,
            TransactionTemplate transactions, Clock clock) {
        this.organizations = organizations;
        this.planLimits = planLimits;
        this.routing = routing;
        this.catalogue = catalogue;
        this.templates = templates;
        this.run = run;
        this.store = store;
        this.slots = slots;
        this.allotments = allotments;
        this.reservations = reservations;
        this.rateLimiter = rateLimiter;
        this.projects = projects;
        this.properties = properties;
        this.requestHold = min(requestHold(ai), credits.maxReservationTtl());
        this.jobHold = min(properties.jobHold(), credits.maxReservationTtl());
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What a client asks for: a type, the inputs its template needs, and optionally the project it is for and the
     * language to write in ({@code en} or {@code id}; it fills the template's {@code language} input).
     */
    public record NewGeneration(String type, Map<String, Object> input, UUID projectId, String language) {
    }

    /** A generation begun in the request, with the routes its hold was priced on, which its call then takes. */
    record Started(Generation generation, List<Route> routes) {
    }

    /**
     * The credits a generation of the type costs at most for the organization now (what a page shows before the click),
     * or empty when nothing can serve it.
     */
    public OptionalInt price(OrganizationId organization, GenerationType type) {
        if (type.kind() == ModelKind.VIDEO) {
            // The cheapest video it makes; each length with its price is in videoOffer.
            return videoOffer(organization, type).map(offer -> offer.creditsBySeconds().values().stream().mapToInt(Integer::intValue).min())
                    .orElse(OptionalInt.empty());
        }
        List<Route> routes = routing.routes(organization, type);
        if (routes.isEmpty()) {
            return OptionalInt.empty();
        }
        PromptTemplate template = templates.of(type);
        return OptionalInt.of(GenerationPricing.hold(routes, catalogue.credits(type), 0, template.maxOutputTokens() * answers(template)));
    }

    /** What a video costs here: the lengths the organization's video models make, each with its price in credits. */
    public record VideoOffer(Map<Integer, Integer> creditsBySeconds) {

        public List<Integer> seconds() {
            return List.copyOf(creditsBySeconds.keySet());
        }
    }

    /** The organization's video offer now (what a page shows before the click), or empty when no video model serves it. */
    public java.util.Optional<VideoOffer> videoOffer(OrganizationId organization, GenerationType type) {
        List<Route> routes = routing.routes(organization, type);
        Map<Integer, Integer> offer = new java.util.TreeMap<>();
        routes.stream().flatMap(route -> route.model().videoSeconds().stream()).distinct().forEach(seconds ->
                offer.put(seconds, GenerationPricing.videoHold(VideoGenerations.making(routes, seconds), catalogue.credits(type), seconds)));
        return offer.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new VideoOffer(offer));
    }

    /**
     * Checks the request and holds its credits and, for {@code SYNC} and {@code STREAM}, a running slot; a {@code JOB}
     * waits for its slot and starts on its own. Answers in this order: 404/403 for who may not, 400 for a wrong type or
     * input, 404 for a project not theirs, 429 over the user's rate, 409 {@code ai-not-configured}, 429 over the
     * plan's concurrency, 402 without the credits; nothing is held when any of them is answered.
     */
    public Generation begin(UserId user, OrganizationId organization, NewGeneration request, GenerationMode mode) {
        return start(user, organization, request, mode).generation();
    }

    /**
     * {@link #begin}, keeping what {@link #answer} needs: the plan is read once and its routes priced the hold. One
     * transaction takes the slot, inserts the generation and, last, holds the credits, so the organization's balance
     * row stays locked only for that statement and the commit.
     */
    Started start(UserId user, OrganizationId organization, NewGeneration request, GenerationMode mode) {
        organizations.require(user, organization, Permission.EDIT_CONTENT);
        GenerationType type = type(request.type());
        PromptTemplate template = templates.of(type);
        Map<String, Object> input = withLanguage(request, template);
        List<FieldError> errors = template.check(input);
        if (request.language() != null && !PromptTemplate.LANGUAGES.containsKey(request.language())) {
            errors = java.util.stream.Stream.concat(java.util.stream.Stream.of(PromptTemplate.languageError("language")), errors.stream()).toList();
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        if (request.projectId() != null && !projects.stream().findFirst()
                .flatMap(directory -> directory.visibleTo(user, request.projectId())).filter(organization::equals).isPresent()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no such project in this organization.");
        }
        TooManyRequestsException.throwIfLimited(rateLimiter.hit(RATE_KEY + user.value(), properties.perUserLimit(), properties.perUserWindow()));
        Plan plan = planLimits.currentPlan(organization);
        List<Route> routes = routing.routes(plan, organization, type);
        if (routes.isEmpty()) {
            throw AiProblems.notConfigured();
        }
        int hold;
        if (type.kind() == ModelKind.VIDEO) {
            routes = videoRoutes(routes, input);
            hold = GenerationPricing.videoHold(routes, catalogue.credits(type), VideoGenerations.seconds(input));
        } else {
            int inputChars = length(template.system(input)) + length(template.user(input));
            hold = GenerationPricing.hold(routes, catalogue.credits(type), inputChars * answers(template), template.maxOutputTokens() * answers(template));
        }
        // As the database keeps it, so the generation answered is the one a later read finds.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReservationId reservation = hold > 0 ? ReservationId.of(UUID.randomUUID()) : null;
        Generation generation = new Generation(GenerationId.of(UUID.randomUUID()), organization, user.value(), request.projectId(), type,
                input, template.version(), mode, mode == GenerationMode.JOB ? GenerationStatus.PENDING : GenerationStatus.RUNNING, null, null,
                null, null, hold, null, reservation == null ? null : reservation.value(), null, null, null, false, false, now,
                mode == GenerationMode.JOB ? null : now, null);
        transactions.executeWithoutResult(status -> {
            if (mode != GenerationMode.JOB) {
                slots.takeForRequest(organization, plan.aiConcurrency());
            }
            if (request.projectId() != null) {
                allotments.check(request.projectId(), hold);
            }
            store.insert(generation);
            if (reservation != null) {
                reservations.reserve(reservation, organization, user, hold, mode == GenerationMode.JOB ? jobHold : requestHold,
                        RESERVATION_TYPE, generation.id().toString(), type.key());
            }
        });
        if (mode == GenerationMode.JOB) {
            slots.dispatch(organization);
        }
        return new Started(generation, routes);
    }

    /**
     * Calls the provider for a generation {@link #start} began in the request, along the routes it was priced on, and
     * settles it; {@code tokens} gets the text as it arrives (null for a whole answer). Answers the ended generation; a
     * failure is thrown as its problem (with the generation's id) once its credits came back.
     */
    Generation answer(Started started, AnswerTokens tokens) {
        Generation generation = started.generation();
        try {
            return run.execute(generation, started.routes(), tokens);
        } finally {
            slots.dispatch(generation.organizationId());
        }
    }

    /**
     * {@link #begin} and its answer in the request, for a module that keeps the result (Studio's flows): the ended
     * generation, or its failure thrown as the problem once its credits came back.
     */
    public Generation generate(UserId user, OrganizationId organization, NewGeneration request) {
        return answer(start(user, organization, request, GenerationMode.SYNC), null);
    }

    /** The credits a project's generations took this calendar month (Asia/Jakarta), holds of running ones included. */
    public int projectCreditsThisMonth(UUID projectId) {
        return allotments.used(projectId);
    }

    /** A generation for a member of its organization; another organization's, or a missing one, is 404. */
    public Generation get(UserId user, GenerationId id) {
        Generation generation = store.find(id).orElseThrow(GenerationRequests::notFound);
        if (organizations.membership(user, generation.organizationId()).isEmpty()) {
            throw notFound();
        }
        return generation;
    }

    /**
     * Cancels a waiting or running generation: its hold comes back once (a run that answers afterwards finds it
     * cancelled and charges nothing), its job is asked to stop. An ended one is 409 {@code illegal-transition}.
     */
    public Generation cancel(UserId user, GenerationId id) {
        Generation generation = get(user, id);
        organizations.require(user, generation.organizationId(), Permission.EDIT_CONTENT);
        Generation cancelled = run.cancel(generation).orElseThrow(() -> {
            GenerationStatus now = store.find(id).map(Generation::status).orElse(generation.status());
            return new IllegalTransitionException(now);
        });
        if (cancelled.jobId() != null) {
            run.stopJob(user, cancelled.jobId());
        }
        slots.dispatch(generation.organizationId());
        return cancelled;
    }

    /** How long a generation answered in the request holds its credits; one running longer was abandoned. */
    Duration requestHold() {
        return requestHold;
    }

    /** The input with the request's language as its template's {@code language}, for a template that writes words. */
    private static Map<String, Object> withLanguage(NewGeneration request, PromptTemplate template) {
        Map<String, Object> input = request.input() == null ? Map.of() : request.input();
        if (request.language() == null || input.containsKey(PromptTemplate.LANGUAGE) || !template.inputs().contains(PromptTemplate.LANGUAGE)) {
            return input;
        }
        Map<String, Object> with = new java.util.LinkedHashMap<>(input);
        with.put(PromptTemplate.LANGUAGE, request.language());
        return with;
    }

    /**
     * The routes whose model makes a video as long as asked; 400 with the lengths they make for any other, or a size
     * that is not {@code WIDTHxHEIGHT}.
     */
    private static List<Route> videoRoutes(List<Route> routes, Map<String, Object> input) {
        List<Integer> made = routes.stream().flatMap(route -> route.model().videoSeconds().stream()).distinct().sorted().toList();
        String seconds = PromptTemplate.text(input.get(VideoGenerations.SECONDS));
        List<Route> making = seconds.matches("[0-9]{1,3}") ? VideoGenerations.making(routes, Integer.parseInt(seconds)) : List.of();
        List<FieldError> errors = new java.util.ArrayList<>();
        if (making.isEmpty()) {
            errors.add(new FieldError("input." + VideoGenerations.SECONDS, "must be one of "
                    + String.join(", ", made.stream().map(String::valueOf).toList()) + " (the lengths the video models make)"));
        }
        Object size = input.get(VideoGenerations.SIZE);
        if (size != null && !PromptTemplate.text(size).matches("[1-9][0-9]{1,4}x[1-9][0-9]{1,4}")) {
            errors.add(new FieldError("input." + VideoGenerations.SIZE, "must be WIDTHxHEIGHT, such as 1280x720"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors, "allowed_seconds", made));
        }
        return making;
    }

    /** How many answers a generation may pay for: a structured one that does not fit is asked for once more (GenerationRun). */
    private static int answers(PromptTemplate template) {
        return template.structured() ? 2 : 1;
    }

    private static GenerationType type(String key) {
        List<String> allowed = Arrays.stream(GenerationType.values()).map(GenerationType::key).toList();
        if (key == null || !allowed.contains(key)) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                    Map.of("errors", List.of(new FieldError("type", "must be one of " + String.join(", ", allowed))), "allowed", allowed));
        }
        return GenerationType.valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }

    /** Long enough for every call the fallback chain may make, twice (a structured answer is asked for again once). */
    private static Duration requestHold(AiProperties ai) {
        return ai.fallback().maxTotal().plus(ai.timeout()).multipliedBy(2).plus(Duration.ofMinutes(1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such generation.");
    }

    /** A move the generation's status does not allow, answered like every other in the API. */
    static final class IllegalTransitionException extends id.modo.verse.common.IllegalTransitionException {
        IllegalTransitionException(GenerationStatus from) {
            super(JobTransitionException.ILLEGAL_TRANSITION, "A " + from.dbValue() + " generation cannot be cancelled.", from.dbValue(),
                    GenerationStatus.CANCELLED.dbValue(), from.allowedMoves());
        }
    }
}
