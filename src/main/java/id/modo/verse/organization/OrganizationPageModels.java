package id.modo.verse.organization;

import java.util.List;
import java.util.Map;

/** What the organization pages' templates render; public only because precompiled templates live in another package. */
public final class OrganizationPageModels {

    private OrganizationPageModels() {
    }

    public record Dashboard(List<Organizations.OrganizationView> organizations, String name, String slug,
            Map<String, String> errors, String created, String joined) {
    }

    /** The invitation page: the preview when the link is good, otherwise the message key of what is wrong. */
    public record InvitationPage(String token, Invitations.InvitationPreview preview, String problem) {
    }
}
