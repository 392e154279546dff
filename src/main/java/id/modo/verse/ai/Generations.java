package id.modo.verse.ai;

import id.modo.verse.ai.provider.ImageRequest;
import id.modo.verse.ai.provider.ImageResult;
import id.modo.verse.ai.provider.JsonSchema;
import id.modo.verse.ai.provider.Provider;
import id.modo.verse.ai.provider.ProviderFailure;
import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.ai.provider.StopSignal;
import id.modo.verse.ai.provider.TextRequest;
import id.modo.verse.ai.provider.TextResult;
import id.modo.verse.ai.provider.TokenUsage;
import id.modo.verse.ai.provider.VideoJob;
import id.modo.verse.ai.provider.VideoRequest;
import id.modo.verse.common.ProblemException;
import id.modo.verse.organization.OrganizationId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Service;

/**
 * The AI gateway for other modules: generate text (whole or streamed) or an image for an organization, on the route
 * {@link Routing} picks and along its fallback chain. Never a provider directly. Answers {@link AiProblems#NOT_CONFIGURED}
 * when nothing can serve the organization, and {@link AiProblems#PROVIDER_UNAVAILABLE} or {@link AiProblems#PROVIDER_FAILED}
 * when the providers could not.
 */
@Service
public class Generations {

    private static final String IMAGE_SIZE = "1024x1024";

    private final Routing routing;
    private final Map<ProviderKind, Provider> providers;
    private final FallbackChain chain;

    Generations(Routing routing, Map<ProviderKind, Provider> aiProviders, AiProperties properties, Clock clock) {
        this.routing = routing;
        this.providers = aiProviders;
        this.chain = new FallbackChain(properties.fallback(), clock, duration -> Thread.sleep(duration), RandomGenerator.getDefault());
    }

    /** Whether anything can serve the organization's generations of the type (for pages to say so before a click). */
    public boolean configured(OrganizationId organization, GenerationType type) {
        return !routing.routes(organization, type).isEmpty();
    }

    /** The answer; a structured one that does not fit its schema ({@link OutputSchema}) is {@link AiProblems#PROVIDER_FAILED}. */
    public TextGeneration text(OrganizationId organization, GenerationType type, TextPrompt prompt) {
        return fitting(text(organization, type, prompt, null, new Attempts()), prompt);
    }

    /** As {@link #text}, handing each token to {@code tokens} as it arrives. */
    public TextGeneration stream(OrganizationId organization, GenerationType type, TextPrompt prompt, Consumer<String> tokens) {
        return fitting(text(organization, type, prompt, tokens, new Attempts()), prompt);
    }

    private static TextGeneration fitting(TextGeneration text, TextPrompt prompt) {
        if (prompt.schema() != null) {
            OutputSchema.violation(text.text(), prompt.schema()).ifPresent(violation -> {
                throw new ProblemException(AiProblems.PROVIDER_FAILED, "The model's answer did not fit its schema (" + violation + ").",
                        Map.of("reason", "invalid_output"));
            });
        }
        return text;
    }

    public ImageGeneration image(OrganizationId organization, GenerationType type, String prompt) {
        return image(organization, type, prompt, new Attempts());
    }

    /**
     * What a call along the chain went through, for the usage log also when it failed, and the signal that stops it
     * (a cancelled generation: no further attempt is made, and a stream under way is closed).
     */
    static final class Attempts {
        private final StopSignal stop;
        private int count;
        private boolean timedOut;

        Attempts() {
            this(StopSignal.never());
        }

        Attempts(StopSignal stop) {
            this.stop = stop;
        }

        int count() {
            return count;
        }

        StopSignal stop() {
            return stop;
        }

        /** Whether the provider kept the generation waiting past its bound. */
        void timedOut(boolean timedOut) {
            this.timedOut = timedOut;
        }

        /** Whether the last failure was a provider that did not answer in time. */
        boolean timedOut() {
            return timedOut;
        }
    }

    /** Streams when {@code tokens} is given, else answers whole; a structured answer comes unchecked, for the caller to check once. */
    TextGeneration text(OrganizationId organization, GenerationType type, TextPrompt prompt, Consumer<String> tokens, Attempts attempts) {
        return text(routing.routes(organization, type), type, prompt, tokens, attempts);
    }

    /** As {@link #text(OrganizationId, GenerationType, TextPrompt, Consumer, Attempts)} along routes the caller chose. */
    TextGeneration text(List<Route> routes, GenerationType type, TextPrompt prompt, Consumer<String> tokens, Attempts attempts) {
        return text(routes, type, prompt, attempts, tokens == null
                ? (provider, route, request) -> provider.complete(route.connection(), request)
                : (provider, route, request) -> provider.stream(route.connection(), request, tokens, attempts.stop));
    }

    ImageGeneration image(OrganizationId organization, GenerationType type, String prompt, Attempts attempts) {
        return image(routing.routes(organization, type), type, prompt, attempts);
    }

    ImageGeneration image(List<Route> routes, GenerationType type, String prompt, Attempts attempts) {
        requireKind(type, ModelKind.IMAGE);
        FallbackChain.Served<ImageResult> served = serve(routes, attempts, route -> providers.get(route.model().provider())
                .image(route.connection(), new ImageRequest(route.model().model(), prompt, IMAGE_SIZE)));
        return new ImageGeneration(served.value().bytes(), served.value().mediaType(), receipt(served, served.value().usage()));
    }

    /** Asks the first route that answers along the chain for a video; follow it with the served route's provider. */
    FallbackChain.Served<VideoJob> createVideo(List<Route> routes, String prompt, int seconds, String size, Attempts attempts) {
        return serve(routes, attempts, route -> provider(route).createVideo(route.connection(),
                new VideoRequest(route.model().model(), prompt, seconds, size)));
    }

    Provider provider(Route route) {
        return providers.get(route.model().provider());
    }

    /** A provider's failure as the gateway's problem: one worth trying again later is unavailable, any other failed. */
    static ProblemException problem(ProviderFailure failure) {
        return new ProblemException(failure.retryable() ? AiProblems.PROVIDER_UNAVAILABLE : AiProblems.PROVIDER_FAILED,
                failure.getMessage(), Map.of("reason", failure.kind().name().toLowerCase(java.util.Locale.ROOT)));
    }

    @FunctionalInterface
    private interface TextCall {
        TextResult call(Provider provider, Route route, TextRequest request);
    }

    private TextGeneration text(List<Route> routes, GenerationType type, TextPrompt prompt, Attempts attempts, TextCall call) {
        requireKind(type, ModelKind.TEXT);
        JsonSchema schema = prompt.schema() == null ? null : new JsonSchema(prompt.schemaName(), prompt.schema());
        FallbackChain.Served<TextResult> served = serve(routes, attempts, route -> call.call(providers.get(route.model().provider()), route,
                new TextRequest(route.model().model(), prompt.system(), prompt.prompt(), schema, prompt.maxOutputTokens())));
        return new TextGeneration(served.value().text(), receipt(served, served.value().usage()));
    }

    private <T> FallbackChain.Served<T> serve(List<Route> routes, Attempts attempts, Function<Route, T> call) {
        if (routes.isEmpty()) {
            throw AiProblems.notConfigured();
        }
        try {
            return chain.run(routes, route -> {
                attempts.stop.check();
                attempts.count++;
                try {
                    return call.apply(route);
                } catch (ProviderFailure failure) {
                    attempts.timedOut = timeout(failure);
                    throw failure;
                }
            });
        } catch (ProviderFailure failure) {
            throw problem(failure);
        }
    }

    private static boolean timeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private static void requireKind(GenerationType type, ModelKind kind) {
        if (type.kind() != kind) {
            throw new IllegalArgumentException(type.key() + " makes " + type.kind().key() + ", not " + kind.key());
        }
    }

    private static Receipt receipt(FallbackChain.Served<?> served, TokenUsage usage) {
        return new Receipt(served.route().model().provider().key(), served.route().model().model(), usage.input(), usage.output(),
                served.route().ownKey(), served.fellBackToPlatformKey(), served.attempts());
    }
}
