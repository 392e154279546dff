package id.modo.verse.organization;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of organizations, under {@code modo.organization.*}.
 *
 * @param invitationValidity how long an invitation (and a resent one, from the resend) can be accepted
 */
@Validated
@ConfigurationProperties("modo.organization")
record OrganizationProperties(@NotNull Duration invitationValidity) {

    OrganizationProperties {
        if (invitationValidity != null && (invitationValidity.isNegative() || invitationValidity.isZero())) {
            throw new IllegalArgumentException("modo.organization.invitation-validity must be positive, was " + invitationValidity);
        }
    }
}
