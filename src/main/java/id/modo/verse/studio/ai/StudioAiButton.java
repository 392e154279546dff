package id.modo.verse.studio.ai;

/**
 * A page's "Generate" offer for one flow ({@code jte/studio/ai-button.jte}): where its form posts, the credits shown
 * before the click, or why nothing can generate (the gateway's {@code ai-not-configured} words).
 */
public record StudioAiButton(String flow, String action, int credits, String notConfigured) {

    public boolean configured() {
        return notConfigured == null;
    }
}
