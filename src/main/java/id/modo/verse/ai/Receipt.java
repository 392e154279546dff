package id.modo.verse.ai;

/**
 * Who served a generation and what it used. {@code ownKey}: the organization's own key paid the provider;
 * {@code fellBackToPlatformKey}: its own key failed and the platform's key answered instead, which the caller must
 * say (and charge by the platform's rule).
 */
public record Receipt(String provider, String model, long inputTokens, long outputTokens, boolean ownKey,
        boolean fellBackToPlatformKey, int attempts) {
}
