package id.modo.verse.organization;

import id.modo.verse.common.LowercaseEnumConverter;
import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * An invitation to join an organization with a role, sent to an email address. Only the SHA-256 of
 * its token is kept ({@code token}); the token itself exists only in the mail. Each state change is
 * a method that refuses with {@code invitation-gone} (410) when the invitation can no longer change.
 */
@Entity
@Table(name = "invitations")
class Invitation implements Persistable<UUID> {

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    private String email;
    @Convert(converter = RoleConverter.class)
    private Role role;
    /** SHA-256 (hex) of the token in the mail, never the token. */
    @Column(name = "token")
    private String tokenHash;
    @Column(name = "invited_by")
    private UUID invitedBy;
    @Convert(converter = StatusConverter.class)
    private InvitationStatus status;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Transient
    private boolean isNew;

    protected Invitation() {
    }

    static Invitation issue(OrganizationId organization, String email, Role role, String tokenHash, UserId invitedBy,
            Instant now, Duration validity) {
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.organizationId = organization.value();
        invitation.email = normalizeEmail(email);
        invitation.role = role;
        invitation.tokenHash = tokenHash;
        invitation.invitedBy = invitedBy.value();
        invitation.status = InvitationStatus.PENDING;
        invitation.expiresAt = now.plus(validity);
        invitation.createdAt = now;
        invitation.isNew = true;
        return invitation;
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The status as of {@code now}: a pending invitation past its expiry is expired. */
    InvitationStatus statusAt(Instant now) {
        return status == InvitationStatus.PENDING && !now.isBefore(expiresAt) ? InvitationStatus.EXPIRED : status;
    }

    boolean isFor(String email) {
        return email != null && this.email.equals(normalizeEmail(email));
    }

    void accept(Instant now) {
        requireOpen(now);
        status = InvitationStatus.ACCEPTED;
        acceptedAt = now;
    }

    void decline(Instant now) {
        requireOpen(now);
        status = InvitationStatus.DECLINED;
    }

    /**
     * Revokes a pending (or expired) invitation; says whether anything changed, as revoking a revoked
     * one changes nothing. An accepted or declined one is gone.
     */
    boolean revoke() {
        if (status == InvitationStatus.REVOKED) {
            return false;
        }
        if (status != InvitationStatus.PENDING && status != InvitationStatus.EXPIRED) {
            throw gone();
        }
        status = InvitationStatus.REVOKED;
        return true;
    }

    /** A new token and a new expiry for a pending or expired invitation; the old token stops working. */
    void reissue(String newTokenHash, Instant now, Duration validity) {
        if (status != InvitationStatus.PENDING && status != InvitationStatus.EXPIRED) {
            throw gone();
        }
        tokenHash = newTokenHash;
        status = InvitationStatus.PENDING;
        expiresAt = now.plus(validity);
    }

    private void requireOpen(Instant now) {
        if (statusAt(now) != InvitationStatus.PENDING) {
            throw gone();
        }
    }

    private ProblemException gone() {
        String detail = switch (status) {
            case ACCEPTED -> "This invitation has already been accepted.";
            case DECLINED -> "This invitation has been declined.";
            case REVOKED -> "This invitation has been withdrawn.";
            case EXPIRED, PENDING -> "This invitation has expired. Ask for a new one.";
        };
        return new ProblemException(OrganizationProblems.INVITATION_GONE, detail);
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    UUID id() {
        return id;
    }

    OrganizationId organizationId() {
        return OrganizationId.of(organizationId);
    }

    String email() {
        return email;
    }

    Role role() {
        return role;
    }

    UserId invitedBy() {
        return invitedBy == null ? null : UserId.of(invitedBy);
    }

    InvitationStatus status() {
        return status;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Converter
    static class RoleConverter extends LowercaseEnumConverter<Role> {
        RoleConverter() {
            super(Role.class);
        }
    }

    @Converter
    static class StatusConverter extends LowercaseEnumConverter<InvitationStatus> {
        StatusConverter() {
            super(InvitationStatus.class);
        }
    }
}
