package id.modo.verse.ai;

/**
 * What a page needs to offer "Generate with AI" on one field ({@code jte/ai/generate-button.jte}): where to post, the
 * type and project, the price shown before the click, or, when nothing serves the organization, why not and how to
 * fix it (the {@code ai-not-configured} problem's words).
 */
public record AiFieldButton(String endpoint, String type, String projectId, int credits, String notConfigured) {

    public boolean configured() {
        return notConfigured == null;
    }
}
