package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import java.util.Optional;

/** The platform keys admins stored, decrypted for a call. */
interface StoredPlatformKeys {

    /** Nothing stored: how the settings alone configure the platform. */
    StoredPlatformKeys NONE = provider -> Optional.empty();

    Optional<Stored> find(ProviderKind provider);

    /** A stored provider: its key (null for a compatible server that needs none), base URL (null: the usual) and model. */
    record Stored(String apiKey, String baseUrl, String model) {

        @Override
        public String toString() {
            // A key must never reach a log line or an error.
            return "Stored[apiKey=" + (apiKey == null ? "(none)" : "(set)") + ", baseUrl=" + baseUrl + ", model=" + model + "]";
        }
    }
}
