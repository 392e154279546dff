package id.modo.verse.ai;

import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The "Generate with AI" offers of pages: only for who may generate, with the price or the reason there is none. */
@Service
public class AiFieldButtons {

    private final GenerationRequests requests;
    private final Organizations organizations;

    AiFieldButtons(GenerationRequests requests, Organizations organizations) {
        this.requests = requests;
        this.organizations = organizations;
    }

    /** The offer for a field generated as {@code type}; empty for a reader who may not generate in the organization. */
    public Optional<AiFieldButton> forField(UserId user, OrganizationId organization, UUID projectId, GenerationType type) {
        if (organizations.membership(user, organization).filter(member -> member.can(Permission.EDIT_CONTENT)).isEmpty()) {
            return Optional.empty();
        }
        OptionalInt price = requests.price(organization, type);
        return Optional.of(new AiFieldButton("/organizations/" + organization.value() + "/ai/generations", type.key(),
                projectId == null ? "" : projectId.toString(), price.orElse(0),
                price.isPresent() ? null : AiProblems.notConfigured().getMessage()));
    }
}
