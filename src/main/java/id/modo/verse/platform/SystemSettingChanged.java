package id.modo.verse.platform;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A platform-wide setting got a new value; {@code oldValue} is null for a new key. */
public record SystemSettingChanged(String key, JsonNode oldValue, JsonNode newValue, Instant changedAt) {
}
