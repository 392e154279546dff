package id.modo.verse.organization;

import id.modo.verse.identity.PendingInvitationHint;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/** Names the invitation behind a sign-in page's {@code next} when it is an invitation mail's link. */
@Component
class InvitationSignInHint implements PendingInvitationHint {

    private final Invitations invitations;

    InvitationSignInHint(Invitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public Optional<Hint> forNext(String next) {
        UriComponents target;
        try {
            target = UriComponentsBuilder.fromUriString(next).build();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String token = target.getQueryParams().getFirst("token");
        if (!"/invitations/accept".equals(target.getPath()) || token == null || token.isBlank()) {
            return Optional.empty();
        }
        return invitations.hintForToken(token);
    }
}
