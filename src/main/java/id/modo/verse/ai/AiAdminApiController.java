package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "AI admin", description = "The AI gateway's model catalogue, prices, platform keys and usage (platform admins)")
@RestController
class AiAdminApiController {

    private final CatalogueAdmin catalogue;
    private final PlatformKeyAdmin keys;
    private final PlatformUsage usage;

    AiAdminApiController(CatalogueAdmin catalogue, PlatformKeyAdmin keys, PlatformUsage usage) {
        this.catalogue = catalogue;
        this.keys = keys;
        this.usage = usage;
    }

    record ModelResponse(UUID id, String provider, String model, String kind,
            @Schema(description = "generation_type: the type's price in credits; tokens: the credits per 1k tokens") String creditPricing,
            @JsonProperty("credits_per_1k_input_tokens") String creditsPer1kInputTokens,
            @JsonProperty("credits_per_1k_output_tokens") String creditsPer1kOutputTokens,
            @JsonProperty("usd_per_1k_input_tokens") String usdPer1kInputTokens,
            @JsonProperty("usd_per_1k_output_tokens") String usdPer1kOutputTokens,
            String usdPerImage, boolean enabled, boolean isDefault, @Schema(description = "the plans that may use it; null: every plan") List<String> plans,
            int fallbackPosition, Instant updatedAt,
            @Schema(description = "a video model's lengths in seconds; null for other kinds") List<Integer> videoSeconds,
            @Schema(description = "a video model's credits per second; null: the generation type's price per video") String creditsPerSecond,
            String usdPerSecond) {
        static ModelResponse of(AdminModel model) {
            return new ModelResponse(model.id(), model.provider().key(), model.model(), model.kind().key(),
                    model.pricedByTokens() ? "tokens" : "generation_type", AdminModel.plain(model.creditsPer1kInputTokens()),
                    AdminModel.plain(model.creditsPer1kOutputTokens()), AdminModel.plain(model.usdPer1kInputTokens()),
                    AdminModel.plain(model.usdPer1kOutputTokens()), AdminModel.plain(model.usdPerImage()), model.enabled(), model.isDefault(),
                    model.plans(), model.fallbackPosition(), model.updatedAt(), model.videoSeconds(), AdminModel.plain(model.creditsPerSecond()),
                    AdminModel.plain(model.usdPerSecond()));
        }
    }

    record ModelCreateRequest(String provider, String model, String kind,
            @JsonProperty("credits_per_1k_input_tokens") String creditsPer1kInputTokens,
            @JsonProperty("credits_per_1k_output_tokens") String creditsPer1kOutputTokens,
            @JsonProperty("usd_per_1k_input_tokens") String usdPer1kInputTokens,
            @JsonProperty("usd_per_1k_output_tokens") String usdPer1kOutputTokens, String usdPerImage, List<String> plans, Boolean enabled,
            List<Integer> videoSeconds, String creditsPerSecond, String usdPerSecond) {
    }

    /** A video model's fields, as the catalogue takes them; null when none was sent. */
    static CatalogueAdmin.VideoChange video(List<Integer> seconds, String creditsPerSecond, String usdPerSecond) {
        if (seconds == null && creditsPerSecond == null && usdPerSecond == null) {
            return null;
        }
        return new CatalogueAdmin.VideoChange(seconds == null ? null : String.join(",", seconds.stream().map(String::valueOf).toList()),
                creditsPerSecond, usdPerSecond);
    }

    record ModelUpdateRequest(String model,
            @JsonProperty("credits_per_1k_input_tokens") String creditsPer1kInputTokens,
            @JsonProperty("credits_per_1k_output_tokens") String creditsPer1kOutputTokens,
            @JsonProperty("usd_per_1k_input_tokens") String usdPer1kInputTokens,
            @JsonProperty("usd_per_1k_output_tokens") String usdPer1kOutputTokens, String usdPerImage, List<String> plans, Boolean enabled,
            List<Integer> videoSeconds, String creditsPerSecond, String usdPerSecond) {
        CatalogueAdmin.ModelChange change() {
            return new CatalogueAdmin.ModelChange(model, creditsPer1kInputTokens, creditsPer1kOutputTokens, usdPer1kInputTokens,
                    usdPer1kOutputTokens, usdPerImage, plans, enabled, video(videoSeconds, creditsPerSecond, usdPerSecond));
        }
    }

    record ModelToggleRequest(Boolean enabled) {
    }

    record FallbackOrderRequest(String kind, List<UUID> modelIds) {
    }

    record PriceResponse(String generationType, String kind, int credits) {
        static PriceResponse of(CatalogueAdmin.Price price) {
            return new PriceResponse(price.type().key(), price.type().kind().key(), price.credits());
        }
    }

    record PlatformKeyResponse(String provider, @Schema(description = "settings (MODO_AI_*, read-only here), stored or none") String source,
            @Schema(description = "the stored key's last four characters") String keyLastFour, String baseUrl, String model, Instant updatedAt,
            @Schema(description = "a stored key the settings override") boolean storedButUnused) {
        static PlatformKeyResponse of(PlatformKeyAdmin.KeyView view) {
            return new PlatformKeyResponse(view.provider().key(), view.source().name().toLowerCase(Locale.ROOT), view.keyLastFour(), view.baseUrl(),
                    view.model(), view.updatedAt(), view.storedButUnused());
        }
    }

    record PlatformKeyRequest(@Schema(description = "the provider's key; write-only") String apiKey, String baseUrl, String model) {
        @Override
        public String toString() {
            return "PlatformKeyRequest[apiKey=(hidden), baseUrl=" + baseUrl + ", model=" + model + "]";
        }
    }

    record UsageSums(long requests, long succeeded, long failed, long cancelled, long credits, String costUsd, long inputTokens, long outputTokens) {
        static UsageSums of(PlatformUsage.Sums sums) {
            return new UsageSums(sums.requests(), sums.succeeded(), sums.failed(), sums.cancelled(), sums.credits(),
                    sums.costUsd().setScale(6, java.math.RoundingMode.UNNECESSARY).toPlainString(), sums.inputTokens(), sums.outputTokens());
        }
    }

    record UsageItem(@Schema(description = "group_by=day") LocalDate day, @Schema(description = "group_by=provider") String provider,
            @Schema(description = "group_by=provider") String model, @Schema(description = "group_by=organization") UUID organizationId,
            @Schema(description = "group_by=organization; null when it was deleted") String organizationName, long requests, long succeeded,
            long failed, long cancelled, long credits, String costUsd, long inputTokens, long outputTokens) {
        static UsageItem of(LocalDate day, String provider, String model, UUID organization, String name, PlatformUsage.Sums sums) {
            UsageSums s = UsageSums.of(sums);
            return new UsageItem(day, provider, model, organization, name, s.requests(), s.succeeded(), s.failed(), s.cancelled(), s.credits(),
                    s.costUsd(), s.inputTokens(), s.outputTokens());
        }
    }

    record UsageResponse(LocalDate from, LocalDate to, String timeZone, String groupBy, UsageSums totals, List<UsageItem> items) {
    }

    @Operation(summary = "The model catalogue", description = "Every model, disabled ones included; text first, each kind in its fallback order.")
    @GetMapping("/api/v1/admin/ai/models")
    List<ModelResponse> models(@AuthenticationPrincipal CurrentUser caller) {
        requireAdmin(caller);
        return catalogue.models().stream().map(ModelResponse::of).toList();
    }

    @Operation(summary = "One model of the catalogue")
    @GetMapping("/api/v1/admin/ai/models/{id}")
    ModelResponse model(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        requireAdmin(caller);
        return ModelResponse.of(catalogue.model(id));
    }

    @Operation(summary = "Add a model", description = """
            `provider` openai, anthropic, gemini or compatible; `kind` text, image or video \
            (a video model also takes `video_seconds`, the lengths it makes, and `credits_per_second` / `usd_per_second`); prices as decimal strings (empty or null: \
            none). Both credit prices per 1k tokens, or neither to charge the generation type's price. `plans` null for every \
            plan. Added last in its kind's fallback order; 409 `ai-model-taken` when the provider's model is there. Audited.""")
    @ApiResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ModelResponse.class)))
    @PostMapping("/api/v1/admin/ai/models")
    ResponseEntity<ModelResponse> create(@AuthenticationPrincipal CurrentUser caller, @RequestBody ModelCreateRequest body) {
        requireAdmin(caller);
        AdminModel created = catalogue.create(caller.id(), body.provider(), body.kind(), new CatalogueAdmin.ModelChange(body.model(),
                body.creditsPer1kInputTokens(), body.creditsPer1kOutputTokens(), body.usdPer1kInputTokens(), body.usdPer1kOutputTokens(),
                body.usdPerImage(), body.plans(), body.enabled(), video(body.videoSeconds(), body.creditsPerSecond(), body.usdPerSecond())));
        return ResponseEntity.status(HttpStatus.CREATED).body(ModelResponse.of(created));
    }

    @Operation(summary = "Replace a model's id, prices, plans and enabled flag", description = """
            Its provider and kind stay. The default of its kind stays enabled (409 `ai-default-required`). Audited.""")
    @PutMapping("/api/v1/admin/ai/models/{id}")
    ModelResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @RequestBody ModelUpdateRequest body) {
        requireAdmin(caller);
        return ModelResponse.of(catalogue.update(caller.id(), id, body.change()));
    }

    @Operation(summary = "Enable or disable a model", description = "The default of its kind stays enabled (409 `ai-default-required`). Audited.")
    @PatchMapping("/api/v1/admin/ai/models/{id}")
    ModelResponse toggle(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @RequestBody ModelToggleRequest body) {
        requireAdmin(caller);
        if (body.enabled() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                    Map.of("errors", List.of(new FieldError("enabled", "must be true or false"))));
        }
        return ModelResponse.of(catalogue.setEnabled(caller.id(), id, body.enabled()));
    }

    @Operation(summary = "Make a model the default of its kind", description = """
            The previous default stops being one in the same transaction, so each kind has exactly one. The model must be enabled. Audited.""")
    @PostMapping("/api/v1/admin/ai/models/{id}/default")
    ModelResponse makeDefault(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        requireAdmin(caller);
        return ModelResponse.of(catalogue.makeDefault(caller.id(), id));
    }

    @Operation(summary = "Set a kind's fallback order", description = "`model_ids` lists every model of the kind once, first tried first. Audited.")
    @PutMapping("/api/v1/admin/ai/fallback-order")
    List<ModelResponse> reorder(@AuthenticationPrincipal CurrentUser caller, @RequestBody FallbackOrderRequest body) {
        requireAdmin(caller);
        ModelKind kind;
        try {
            kind = ModelKind.valueOf(String.valueOf(body.kind()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                    Map.of("errors", List.of(new FieldError("kind", "must be one of text, image"))));
        }
        return catalogue.reorder(caller.id(), kind, body.modelIds()).stream().map(ModelResponse::of).toList();
    }

    @Operation(summary = "The credit price of each generation type")
    @GetMapping("/api/v1/admin/ai/prices")
    List<PriceResponse> prices(@AuthenticationPrincipal CurrentUser caller) {
        requireAdmin(caller);
        return catalogue.prices().stream().map(PriceResponse::of).toList();
    }

    @Operation(summary = "Change generation types' credit prices", description = """
            A JSON object of generation type → whole credits (0 allowed, up to 100000), e.g. `{"synopsis": 4}`; the types not \
            named keep their price. An unknown type or a negative price is 400 naming it, and nothing changes. Audited.""")
    @PatchMapping("/api/v1/admin/ai/prices")
    List<PriceResponse> setPrices(@AuthenticationPrincipal CurrentUser caller, @RequestBody Map<String, Integer> body) {
        requireAdmin(caller);
        return catalogue.setPrices(caller.id(), body).stream().map(PriceResponse::of).toList();
    }

    @Operation(summary = "The platform's provider keys", description = """
            For each provider where its key comes from: the settings (`MODO_AI_*`, which win and are read-only here), a key \
            stored by an admin (shown only by its last four characters), or none.""")
    @GetMapping("/api/v1/admin/ai/platform-keys")
    List<PlatformKeyResponse> platformKeys(@AuthenticationPrincipal CurrentUser caller) {
        requireAdmin(caller);
        return keys.keys().stream().map(PlatformKeyResponse::of).toList();
    }

    @Operation(summary = "Store a provider's platform key", description = """
            Encrypted under `MODO_MASTER_KEY`; never returned. `base_url` (required for `compatible`, optional otherwise) must \
            be http(s) and resolve to public addresses only, unless `modo.outgoing.allow-private-addresses` is set; `model` \
            is the compatible server's and joins the catalogue. 409 `ai-key-from-settings` when the settings configure the \
            provider. Audited by the last four characters.""")
    @PutMapping("/api/v1/admin/ai/platform-keys/{provider}")
    PlatformKeyResponse setPlatformKey(@AuthenticationPrincipal CurrentUser caller, @PathVariable String provider,
            @RequestBody PlatformKeyRequest body) {
        requireAdmin(caller);
        return PlatformKeyResponse.of(keys.set(caller.id(), provider, body.apiKey(), body.baseUrl(), body.model()));
    }

    @Operation(summary = "Remove a provider's stored platform key", description = "404 when none is stored. Audited.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/api/v1/admin/ai/platform-keys/{provider}")
    ResponseEntity<Void> removePlatformKey(@AuthenticationPrincipal CurrentUser caller, @PathVariable String provider) {
        requireAdmin(caller);
        keys.remove(caller.id(), provider);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "AI usage and cost across the platform", description = """
            From `ai_usage_logs`, one row per generation attempt. `from` and `to` are days (yyyy-mm-dd, both included) in the \
            platform's time zone (Asia/Jakarta by default); without them the last 30 days; at most 366 days. `group_by` day \
            (every day of the range, quiet ones with zeros), provider (provider and model) or organization (the top `limit`, \
            1 to 100, default 10, by credits). `cost_usd` is a decimal string in US dollars.""")
    @GetMapping("/api/v1/admin/ai/usage")
    UsageResponse usage(@AuthenticationPrincipal CurrentUser caller,
            @Parameter(description = "first day, yyyy-mm-dd") @RequestParam(required = false) String from,
            @Parameter(description = "last day, yyyy-mm-dd") @RequestParam(required = false) String to,
            @Parameter(description = "day, provider or organization; default day") @RequestParam(name = "group_by", required = false) String groupBy,
            @Parameter(description = "group_by=organization: 1 to 100, default 10") @RequestParam(required = false) Integer limit) {
        requireAdmin(caller);
        String group = groupBy == null || groupBy.isBlank() ? "day" : groupBy.strip();
        if (!List.of("day", "provider", "organization").contains(group)) {
            throw invalid("group_by", "must be one of day, provider, organization");
        }
        if (limit != null && (limit < 1 || limit > 100)) {
            throw invalid("limit", "must be 1 to 100");
        }
        PlatformUsage.Range range = usage.range(from, to);
        List<UsageItem> items = switch (group) {
            case "provider" -> usage.perModel(range).stream()
                    .map(row -> UsageItem.of(null, row.provider(), row.model(), null, null, row.sums())).toList();
            case "organization" -> usage.topOrganizations(range, limit == null ? 10 : limit).stream()
                    .map(row -> UsageItem.of(null, null, null, row.organizationId(), row.name(), row.sums())).toList();
            default -> usage.perDay(range).stream().map(row -> UsageItem.of(row.day(), null, null, null, null, row.sums())).toList();
        };
        return new UsageResponse(range.from(), range.to(), usage.zone().getId(), group, UsageSums.of(usage.totals(range)), items);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "Some parameters are not valid.", Map.of("errors", List.of(new FieldError(field, message))));
    }

    /** The security rules already keep others out of /api/v1/admin/**; this holds if they ever change. */
    private static void requireAdmin(CurrentUser caller) {
        if (caller == null || !caller.isPlatformAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform admins may manage the AI gateway.");
        }
    }
}
