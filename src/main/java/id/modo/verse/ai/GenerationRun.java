package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.ai.provider.StopSignal;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.jobs.Jobs;
import id.modo.verse.credit.CreditProblems;
import id.modo.verse.credit.CreditReservations;
import id.modo.verse.credit.ReservationId;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.AssetView;
import id.modo.verse.media.Assets;
import id.modo.verse.common.jobs.JobCancelledException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One generation's call and its settlement. Every ending is one transaction: the generation's conditional move out of
 * running, the credit commit (the actual cost) or release (nothing), and the usage row. Whoever moves the generation
 * first settles; a run that answers after a cancel finds it cancelled and charges nothing.
 */
@Component
class GenerationRun {

    static final String ASSET_CATEGORY = "ai";
    private static final Logger log = LoggerFactory.getLogger(GenerationRun.class);

    private final Generations generations;
    private final PromptTemplates templates;
    private final ModelCatalogue catalogue;
    private final GenerationStore store;
    private final CreditReservations reservations;
    private final Assets assets;
    private final ObjectProvider<Jobs> jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Routing routing;
    private final RunningGenerations running;
    private final OrganizationKeys keys;
    private final VideoGenerations videos;

    GenerationRun(Generations generations, Routing routing, PromptTemplates templates, ModelCatalogue catalogue, GenerationStore store,
            CreditReservations reservations, Assets assets, ObjectProvider<Jobs> jobs, TransactionTemplate transactions, Clock clock,
            RunningGenerations running, OrganizationKeys keys, VideoGenerations videos) {
        this.videos = videos;
        this.generations = generations;
        this.routing = routing;
        this.templates = templates;
        this.catalogue = catalogue;
        this.store = store;
        this.reservations = reservations;
        this.assets = assets;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
        this.running = running;
        this.keys = keys;
    }

    /**
     * Calls the provider for a running generation in its job and settles it; one that is not running (cancelled, or
     * already ended by an earlier run of its job) is answered as it is, with nothing called or charged. The job routes
     * it now; {@code progress} hears how far a video is (0-100).
     */
    Generation executeJob(Generation generation, IntConsumer progress) {
        return execute(generation, null, null, progress);
    }

    /** As {@link #executeJob} along {@code routes}, those its hold was priced on (null: route it now). */
    Generation execute(Generation generation, List<Route> routes, AnswerTokens tokens) {
        return execute(generation, routes, tokens, percent -> { });
    }

    private Generation execute(Generation generation, List<Route> routes, AnswerTokens tokens, IntConsumer progress) {
        if (generation.status() != GenerationStatus.RUNNING) {
            return generation;
        }
        StopSignal stop = running.started(generation.id());
        Generations.Attempts attempts = new Generations.Attempts(stop);
        try {
            List<Route> along = routes != null ? routes : routing.routes(generation.organizationId(), generation.type());
            return switch (generation.type().kind()) {
                case IMAGE -> image(generation, along, attempts);
                case VIDEO -> video(generation, along, attempts, progress);
                case TEXT -> text(generation, along, tokens, attempts);
            };
        } catch (JobCancelledException cancelled) {
            cancel(generation);
            throw cancelled;
        } catch (ProblemException problem) {
            fail(generation, problem.getMessage(), attempts);
            Map<String, Object> members = new HashMap<>(problem.properties());
            members.put("generation_id", generation.id().value().toString());
            throw new ProblemException(problem.type(), problem.getMessage(), members);
        } catch (RuntimeException unexpected) {
            fail(generation, "The generation failed on our side; nothing was charged.", attempts);
            throw unexpected;
        } finally {
            running.ended(generation.id(), stop);
        }
    }

    private Generation image(Generation generation, List<Route> routes, Generations.Attempts attempts) {
        PromptTemplate template = templates.of(generation.type());
        ImageGeneration image = generations.image(routes, generation.type(), template.user(generation.input()), attempts);
        UserId user = UserId.of(generation.userId());
        AssetView asset = assets.upload(user, generation.organizationId(), generation.projectId(), ASSET_CATEGORY,
                generation.type().key() + "-" + generation.id() + ".png", new ByteArrayInputStream(image.bytes()));
        Generation settled = succeed(generation, null, null, asset.id().value(), image.receipt(), attempts);
        if (settled.status() != GenerationStatus.COMPLETED) {
            // Cancelled while the picture was stored: nothing was charged, so nothing is kept either.
            assets.delete(user, asset.id());
        }
        return settled;
    }

    private Generation video(Generation generation, List<Route> routes, Generations.Attempts attempts, IntConsumer progress) {
        PromptTemplate template = templates.of(generation.type());
        VideoGenerations.Made made = videos.make(generation, routes, template.user(generation.input()), attempts, progress);
        UserId user = UserId.of(generation.userId());
        AssetView asset;
        try (InputStream video = Files.newInputStream(made.file())) {
            asset = assets.upload(user, generation.organizationId(), generation.projectId(), ASSET_CATEGORY,
                    generation.type().key() + "-" + generation.id() + ".mp4", video);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            VideoGenerations.deleteQuietly(made.file());
        }
        Generation settled = succeed(generation, null, null, asset.id().value(), made.receipt(), attempts);
        if (settled.status() != GenerationStatus.COMPLETED) {
            // Cancelled while the video was stored: nothing was charged, so nothing is kept either.
            assets.delete(user, asset.id());
        }
        return settled;
    }

    /**
     * A structured answer that does not fit its schema ({@link OutputSchema}, the one check) is asked for once more,
     * then fails with the reason. The tokens of a discarded answer were spent all the same, so they count: in the usage
     * row, and in the charge of a model priced by tokens (which pays both answers, never more than the hold, which
     * covers two); a model priced per generation charges its type's price once. A generation that failed twice
     * charges nothing and logs the tokens of both answers. A streamed structured answer streams its raw text; the reader
     * is told when it was thrown away, and the generation carries the JSON that fit.
     */
    private Generation text(Generation generation, List<Route> routes, AnswerTokens tokens, Generations.Attempts attempts) {
        PromptTemplate template = templates.of(generation.type());
        TextPrompt prompt = new TextPrompt(template.system(generation.input()), template.user(generation.input()), template.schemaName(),
                template.schema(generation.input()), template.maxOutputTokens());
        long inputTokens = 0;
        long outputTokens = 0;
        Receipt discarded = null;
        for (int round = 1; ; round++) {
            TextGeneration text;
            try {
                text = generations.text(routes, generation.type(), prompt, tokens, attempts);
            } catch (ProblemException failed) {
                if (discarded != null) {
                    Receipt spent = discarded;
                    transactions.execute(status -> end(generation, GenerationStatus.FAILED, failed.getMessage(),
                            attempts.timedOut() ? "timeout" : "error", attempts.count(), spent));
                }
                throw failed;
            }
            inputTokens += text.receipt().inputTokens();
            outputTokens += text.receipt().outputTokens();
            Receipt receipt = text.receipt();
            Receipt used = new Receipt(receipt.provider(), receipt.model(), inputTokens, outputTokens, receipt.ownKey(),
                    receipt.fellBackToPlatformKey(), attempts.count());
            Optional<String> violation = template.structured() ? OutputSchema.violation(text.text(), prompt.schema()) : Optional.empty();
            if (violation.isEmpty()) {
                return succeed(generation, text.text(), template.structured() ? text.text() : null, null, used, attempts);
            }
            if (round > 1) {
                ProblemException invalid = invalidOutput(generation.type(), violation.get());
                transactions.execute(status -> end(generation, GenerationStatus.FAILED, invalid.getMessage(), "error", attempts.count(), used));
                throw invalid;
            }
            discarded = used;
            if (tokens != null) {
                tokens.discarded();
            }
        }
    }

    private static ProblemException invalidOutput(GenerationType type, String why) {
        return new ProblemException(AiProblems.PROVIDER_FAILED, "The model's answer did not fit the " + type.key()
                + " schema, twice (" + why + "); nothing was charged.", Map.of("reason", "invalid_output"));
    }

    private Generation succeed(Generation generation, String text, String json, UUID asset, Receipt receipt, Generations.Attempts attempts) {
        int typePrice = catalogue.credits(generation.type());
        Optional<AiModel> model = catalogue.find(ProviderKind.of(receipt.provider()), receipt.model());
        boolean video = generation.type().kind() == ModelKind.VIDEO;
        int seconds = video ? VideoGenerations.seconds(generation.input()) : 0;
        int charged = model.map(served -> video
                ? GenerationPricing.videoCharge(served, receipt.ownKey(), typePrice, seconds, generation.creditsPrice())
                : GenerationPricing.charge(served, receipt.ownKey(), typePrice, receipt.inputTokens(), receipt.outputTokens(), generation.creditsPrice()))
                .orElse(receipt.ownKey() ? 0 : Math.min(typePrice, generation.creditsPrice()));
        BigDecimal usd = video ? model.map(served -> GenerationPricing.videoUsd(served, seconds)).orElse(null) : usd(receipt);
        try {
            return transactions.execute(status -> {
                var now = clock.instant();
                Optional<Generation> done = store.complete(generation.id(), text, json, asset, charged, receipt, now);
                if (done.isEmpty()) {
                    return store.find(generation.id()).orElseThrow();
                }
                store.log(done.get(), new GenerationStore.Usage("success", receipt.provider(), receipt.model(), receipt.inputTokens(),
                        receipt.outputTokens(), charged, usd, null, receipt, attempts.count()), now);
                if (receipt.ownKey()) {
                    keys.countUse(generation.organizationId(), ProviderKind.of(receipt.provider()));
                }
                // Last: the organization's balance row stays locked from this statement to the commit only.
                if (generation.reservationId() != null) {
                    reservations.commit(ReservationId.of(generation.reservationId()), charged);
                }
                return done.get();
            });
        } catch (ProblemException closed) {
            if (closed.type() != CreditProblems.RESERVATION_CLOSED) {
                throw closed;
            }
            throw new ProblemException(AiProblems.PROVIDER_UNAVAILABLE,
                    "The answer came after the credit hold expired, so it was not kept; nothing was charged.", Map.of("reason", "hold_expired"));
        }
    }

    /** What the tokens on the receipt cost the platform, by the catalogue; null for a model no longer in it. */
    private BigDecimal usd(Receipt receipt) {
        return catalogue.find(ProviderKind.of(receipt.provider()), receipt.model())
                .map(served -> GenerationPricing.usd(served, receipt.inputTokens(), receipt.outputTokens())).orElse(null);
    }

    /** Ends a waiting or running generation as failed, its hold released; false when it had already ended. */
    boolean fail(Generation generation, String error, Generations.Attempts attempts) {
        return Boolean.TRUE.equals(transactions.execute(status -> end(generation, GenerationStatus.FAILED, error,
                attempts.timedOut() ? "timeout" : "error", attempts.count())));
    }

    /**
     * Ends a waiting or running generation as cancelled, its hold released, and stops its provider call when it runs
     * on this node; empty when it had already ended.
     */
    Optional<Generation> cancel(Generation generation) {
        Optional<Generation> cancelled = Optional.ofNullable(transactions.execute(status -> end(generation, GenerationStatus.CANCELLED,
                "Cancelled.", "cancelled", 0) ? store.find(generation.id()).orElseThrow() : null));
        cancelled.ifPresent(ended -> running.stop(ended.id()));
        return cancelled;
    }

    private boolean end(Generation generation, GenerationStatus to, String error, String usageStatus, int attempts) {
        return end(generation, to, error, usageStatus, attempts, null);
    }

    /** Ends it with nothing charged; {@code spent}, when answers came that were not kept, puts their tokens on the usage row. */
    private boolean end(Generation generation, GenerationStatus to, String error, String usageStatus, int attempts, Receipt spent) {
        var now = clock.instant();
        Optional<Generation> ended = store.end(generation.id(), to, error, now);
        ended.ifPresent(row -> {
            store.log(row, spent == null ? new GenerationStore.Usage(usageStatus, null, null, 0, 0, 0, null, error, null, attempts)
                    : new GenerationStore.Usage(usageStatus, spent.provider(), spent.model(), spent.inputTokens(), spent.outputTokens(), 0,
                            usd(spent), error, spent, attempts), now);
            if (row.reservationId() != null) {
                reservations.release(ReservationId.of(row.reservationId()));
            }
        });
        return ended.isPresent();
    }

    /** Asks the generation's job to stop; one that already ended has nothing to stop. */
    void stopJob(UserId user, UUID job) {
        try {
            jobs.getObject().cancel(user.value(), job);
        } catch (ProblemException ended) {
            log.debug("Job {} of a cancelled generation had ended: {}", job, ended.getMessage());
        }
    }
}
