package id.modo.verse.organization;

import id.modo.verse.common.Slug;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A studio or team. Members are rows of organization_members, managed by {@link Members}. */
@Entity
@Table(name = "organizations")
class Organization {

    /** Words that name parts of the platform, or would confuse people, as an organization's address. */
    static final Set<String> RESERVED_SLUGS = Set.of("admin", "administrator", "api", "app", "about", "account", "accounts",
            "auth", "billing", "dashboard", "docs", "help", "invest", "license", "licensing", "login", "logout", "mail",
            "me", "modo", "new", "organizations", "org", "orgs", "pricing", "root", "settings", "shop", "signin", "signout",
            "signup", "static", "studio", "support", "system", "watch", "fandom", "www", "null", "undefined", "webhooks",
            "swagger-ui", "actuator", "error", "assets", "css", "js", "img", "webjars");

    @Id
    private UUID id;
    private String name;
    private String slug;
    private String logo;
    private String description;
    private String website;
    private String plan;
    @Column(name = "billing_email")
    private String billingEmail;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Organization() {
    }

    static Organization create(String name, String slug, Instant now) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = name.strip();
        organization.slug = slug;
        organization.plan = "free";
        organization.createdAt = now;
        organization.updatedAt = now;
        return organization;
    }

    static boolean isAllowedSlug(String slug) {
        return Slug.isValid(slug) && !RESERVED_SLUGS.contains(slug);
    }

    void update(OrganizationChange change, Instant now) {
        if (change.name() != null) {
            name = change.name().strip();
        }
        if (change.description() != null) {
            description = blankToNull(change.description());
        }
        if (change.website() != null) {
            website = blankToNull(change.website());
        }
        if (change.logo() != null) {
            logo = blankToNull(change.logo());
        }
        if (change.billingEmail() != null) {
            billingEmail = blankToNull(change.billingEmail());
        }
        updatedAt = now;
    }

    java.util.Map<String, Object> snapshot() {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("name", name);
        values.put("slug", slug);
        values.put("description", description);
        values.put("website", website);
        values.put("logo", logo);
        values.put("billing_email", billingEmail);
        return values;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String slug() {
        return slug;
    }

    String logo() {
        return logo;
    }

    String description() {
        return description;
    }

    String website() {
        return website;
    }

    String plan() {
        return plan;
    }

    String billingEmail() {
        return billingEmail;
    }

    Instant createdAt() {
        return createdAt;
    }
}
