package id.modo.verse.ai;

import id.modo.verse.ai.provider.Provider;
import id.modo.verse.ai.provider.ProviderFailure;
import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.billing.Plan;
import id.modo.verse.billing.PlanLimits;
import id.modo.verse.billing.Plans;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.RateLimiter;
import id.modo.verse.common.TooManyRequestsException;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Owners' and admins' management of the organization's own provider keys: listing, adding (tested with the provider
 * first), testing and deleting, each checked against the caller's role, and adding against the plan. The provider
 * calls run outside any transaction, so a slow provider holds no database connection.
 */
@Service
class AiKeys {

    private static final Logger log = LoggerFactory.getLogger(AiKeys.class);

    /** The providers an organization may bring a key for; an OpenAI-compatible server is the platform's setting. */
    static final List<ProviderKind> PROVIDERS = List.of(ProviderKind.OPENAI, ProviderKind.ANTHROPIC, ProviderKind.GEMINI);
    static final int MIN_KEY_LENGTH = 20;
    static final int MAX_KEY_LENGTH = 500;
    static final int MAX_NAME_LENGTH = 100;
    /** Provider calls (adds and tests) per organization and window: each is a request to the provider on the key's account. */
    static final int TESTS_PER_WINDOW = 10;
    static final Duration TEST_WINDOW = Duration.ofMinutes(1);

    /** What a provider said of a key: taken, refused, or nothing usable (rate limited, down, too slow). */
    enum Outcome { VALID, REFUSED, UNKNOWN }

    private final Organizations organizations;
    private final PlanLimits planLimits;
    private final Plans plans;
    private final OrganizationKeys keys;
    private final Map<ProviderKind, Provider> providers;
    private final PlatformKeys platformKeys;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AiKeys(Organizations organizations, PlanLimits planLimits, Plans plans, OrganizationKeys keys, Map<ProviderKind, Provider> aiProviders,
            PlatformKeys platformKeys, RateLimiter rateLimiter, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.organizations = organizations;
        this.planLimits = planLimits;
        this.plans = plans;
        this.keys = keys;
        this.providers = aiProviders;
        this.platformKeys = platformKeys;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The provider a path or form names, if an organization may keep a key for it. */
    static Optional<ProviderKind> provider(String key) {
        return PROVIDERS.stream().filter(provider -> provider.key().equals(key)).findFirst();
    }

    /** The fields of an added key that are wrong, with messages that never repeat the key. */
    static List<FieldError> check(String provider, String name, String apiKey) {
        List<FieldError> errors = new ArrayList<>();
        if (provider == null || provider.isBlank()) {
            errors.add(new FieldError("provider", "is required"));
        } else if (provider(provider).isEmpty()) {
            errors.add(new FieldError("provider", "must be one of openai, anthropic, gemini"));
        }
        if (name != null && name.strip().length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        String key = apiKey == null ? "" : apiKey.strip();
        if (key.isEmpty()) {
            errors.add(new FieldError("api_key", "is required"));
        } else if (key.chars().anyMatch(Character::isWhitespace)) {
            errors.add(new FieldError("api_key", "must not contain spaces or line breaks"));
        } else if (key.length() < MIN_KEY_LENGTH || key.length() > MAX_KEY_LENGTH) {
            errors.add(new FieldError("api_key", "must be " + MIN_KEY_LENGTH + " to " + MAX_KEY_LENGTH + " characters"));
        } else if (key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            errors.add(new FieldError("api_key", "must be printable ASCII, as the providers' keys are"));
        }
        return errors;
    }

    List<OrganizationKeys.KeyView> list(UserId caller, OrganizationId organization) {
        organizations.require(caller, organization, Permission.MANAGE_SETTINGS);
        return keys.list(organization);
    }

    /** Whether the organization's plan allows its own keys. */
    boolean byokAllowed(OrganizationId organization) {
        return planLimits.currentPlan(organization).byokAllowed();
    }

    /** The first plan on sale that allows own keys, for the upgrade hint; empty when none is on sale. */
    Optional<Plan> planAllowingByok() {
        return plans.all().stream().filter(plan -> plan.byokAllowed() && plan.purchasable()).min(Comparator.comparingInt(Plan::sortOrder));
    }

    /**
     * Tests the key with the provider, then stores it with the outcome (a provider that could not tell leaves it
     * untested) and audits the change. Fields must have passed {@link #check}.
     */
    OrganizationKeys.KeyView add(UserId caller, OrganizationId organization, ProviderKind provider, String name, String apiKey) {
        organizations.require(caller, organization, Permission.MANAGE_SETTINGS);
        Plan plan = planLimits.currentPlan(organization);
        if (!plan.byokAllowed()) {
            Plan allowing = planAllowingByok().orElse(plan);
            throw AiProblems.byokNotAllowed(organization, plan.key(), plan.name(), allowing.key(), allowing.name());
        }
        limitTests(organization);
        String key = apiKey.strip();
        String label = name == null || name.isBlank() ? null : name.strip();
        Outcome outcome = probe(provider, key);
        return transactions.execute(status -> {
            OrganizationKeys.KeyView replaced = keys.find(organization, provider).orElse(null);
            keys.store(organization, caller, provider, label, key, outcome != Outcome.REFUSED, outcome == Outcome.UNKNOWN ? null : clock.instant());
            OrganizationKeys.KeyView stored = keys.find(organization, provider).orElseThrow();
            events.publishEvent(new AiKeyEvents.AiKeyStored(organization.value(), caller.value(), stored, replaced));
            return stored;
        });
    }

    /**
     * Asks the provider whether the stored key is still taken and records the answer. A provider that could not tell
     * (rate limited, down, too slow) changes nothing and answers 503; one that answered nonsense answers 502.
     */
    OrganizationKeys.KeyView test(UserId caller, OrganizationId organization, ProviderKind provider) {
        organizations.require(caller, organization, Permission.MANAGE_SETTINGS);
        OrganizationKeys.KeyView stored = keys.find(organization, provider).orElseThrow(AiKeys::noKey);
        limitTests(organization);
        String secret = keys.secret(organization, provider).orElseThrow(AiKeys::noKey);
        try {
            providers.get(provider).validate(platformKeys.withOwnKey(provider, secret));
            return keys.recordValidation(stored.id(), true, clock.instant()).orElseThrow(AiKeys::noKey);
        } catch (ProviderFailure failure) {
            log.info("Testing the stored {} key of organization {}: {}", provider.key(), organization.value(), failure.getMessage());
            return switch (failure.kind()) {
                case UNAUTHORIZED -> keys.recordValidation(stored.id(), false, clock.instant()).orElseThrow(AiKeys::noKey);
                case RATE_LIMITED, UNAVAILABLE -> throw new ProblemException(AiProblems.PROVIDER_UNAVAILABLE, provider.key()
                        + " did not answer the test (rate limited, unavailable or too slow); the key keeps its state. Try again later.");
                case BAD_RESPONSE, STOPPED -> throw new ProblemException(AiProblems.PROVIDER_FAILED, provider.key()
                        + " answered the test with something unexpected; the key keeps its state.");
            };
        }
    }

    OrganizationKeys.KeyView delete(UserId caller, OrganizationId organization, ProviderKind provider) {
        organizations.require(caller, organization, Permission.MANAGE_SETTINGS);
        return transactions.execute(status -> {
            OrganizationKeys.KeyView deleted = keys.delete(organization, provider).orElseThrow(AiKeys::noKey);
            events.publishEvent(new AiKeyEvents.AiKeyDeleted(organization.value(), caller.value(), deleted));
            return deleted;
        });
    }

    private Outcome probe(ProviderKind provider, String key) {
        try {
            providers.get(provider).validate(platformKeys.withOwnKey(provider, key));
            return Outcome.VALID;
        } catch (ProviderFailure failure) {
            // The failure's message is the gateway's own words and the status, never the provider's body or the key.
            log.info("Testing a new {} key before storing it: {} ({})", provider.key(), failure.getMessage(),
                    failure.getCause() == null ? "no cause" : failure.getCause().getClass().getSimpleName());
            return failure.kind() == ProviderFailure.Kind.UNAUTHORIZED ? Outcome.REFUSED : Outcome.UNKNOWN;
        }
    }

    private void limitTests(OrganizationId organization) {
        TooManyRequestsException.throwIfLimited(rateLimiter.hit("ai-key-test:" + organization.value(), TESTS_PER_WINDOW, TEST_WINDOW));
    }

    private static ProblemException noKey() {
        return new ProblemException(ProblemType.NOT_FOUND, "The organization has no key for this provider.");
    }
}
