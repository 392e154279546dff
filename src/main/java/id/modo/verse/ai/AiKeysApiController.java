package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "AI keys", description = "An organization's own provider keys (bring your own key)")
@RestController
class AiKeysApiController {

    private final AiKeys keys;

    AiKeysApiController(AiKeys keys) {
        this.keys = keys;
    }

    record KeyRequest(@Schema(allowableValues = {"openai", "anthropic", "gemini"}) String provider,
            @Schema(maxLength = AiKeys.MAX_NAME_LENGTH) String name,
            @Schema(description = "the provider's API key; stored encrypted, never answered again", writeOnly = true) String apiKey) {

        @Override
        public String toString() {
            // A key must never reach a log line or an error.
            return "KeyRequest[provider=" + provider + ", name=" + name + "]";
        }
    }

    record KeyResponse(UUID id, String provider, String name, String lastFour, boolean isValid, Instant lastValidatedAt, int usageCount,
            Instant createdAt) {
        static KeyResponse of(OrganizationKeys.KeyView key) {
            return new KeyResponse(key.id(), key.provider().key(), key.name(), key.lastFour(), key.valid(), key.lastValidatedAt(),
                    key.usageCount(), key.createdAt());
        }
    }

    @Operation(summary = "The organization's own AI provider keys", description = """
            Owners and admins (other members 403). Each key by its last four characters, never whole.""")
    @GetMapping("/api/v1/organizations/{orgId}/ai/keys")
    List<KeyResponse> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId) {
        return keys.list(caller.id(), orgId).stream().map(KeyResponse::of).toList();
    }

    @Operation(summary = "Add or replace the organization's key for a provider", description = """
            Owners and admins, on a plan that allows own keys (else 409 `byok-not-allowed`, naming the plan that does and \
            `upgrade_url`). The key is tested with the provider's model list first: `is_valid` false when the provider \
            refused it, `last_validated_at` null when the provider could not tell (rate limited, down). Replaces the \
            provider's earlier key. Adds and tests count against 10 provider calls per organization a minute (429).""")
    @PostMapping("/api/v1/organizations/{orgId}/ai/keys")
    @ResponseStatus(HttpStatus.CREATED)
    KeyResponse add(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @RequestBody KeyRequest request) {
        List<FieldError> errors = AiKeys.check(request.provider(), request.name(), request.apiKey());
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        return KeyResponse.of(keys.add(caller.id(), orgId, AiKeys.provider(request.provider()).orElseThrow(), request.name(), request.apiKey()));
    }

    @Operation(summary = "Test the organization's key for a provider", description = """
            Owners and admins. Asks the provider for its model list with the key (costs nothing) and records the answer: \
            refused (401/403) makes `is_valid` false. A provider that is rate limited, down or too slow answers 503 \
            `ai-provider-unavailable` and the key keeps its state.""")
    @PostMapping("/api/v1/organizations/{orgId}/ai/keys/{provider}/test")
    KeyResponse test(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable String provider) {
        return KeyResponse.of(keys.test(caller.id(), orgId, pathProvider(provider)));
    }

    @Operation(summary = "Delete the organization's key for a provider", description = "Owners and admins.")
    @DeleteMapping("/api/v1/organizations/{orgId}/ai/keys/{provider}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable String provider) {
        keys.delete(caller.id(), orgId, pathProvider(provider));
    }

    private static ProviderKind pathProvider(String provider) {
        return AiKeys.provider(provider).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such provider: openai, anthropic or gemini."));
    }
}
