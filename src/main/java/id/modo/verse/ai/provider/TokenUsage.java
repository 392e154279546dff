package id.modo.verse.ai.provider;

/** The tokens a provider counted for one call, as it reported them (0 where it reported none). */
public record TokenUsage(long input, long output) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);
}
