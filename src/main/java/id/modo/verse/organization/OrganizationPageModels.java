package id.modo.verse.organization;

import java.util.List;
import java.util.Map;

/** What the organization pages' templates render; public only because precompiled templates live in another package. */
public final class OrganizationPageModels {

    private OrganizationPageModels() {
    }

    public record Dashboard(List<Organizations.OrganizationView> organizations, String name, String slug,
            Map<String, String> errors, String created) {
    }
}
