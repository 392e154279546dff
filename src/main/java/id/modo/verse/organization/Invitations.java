package id.modo.verse.organization;

import id.modo.verse.common.ConstraintViolations;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.RateLimiter;
import id.modo.verse.common.MailTemplate;
import id.modo.verse.common.Mailer;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.SecureTokens;
import id.modo.verse.common.TooManyRequestsException;
import id.modo.verse.identity.Accounts;
import id.modo.verse.identity.PendingInvitationHint;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationEvents.InvitationAccepted;
import id.modo.verse.organization.OrganizationEvents.InvitationCreated;
import id.modo.verse.organization.OrganizationEvents.InvitationDeclined;
import id.modo.verse.organization.OrganizationEvents.InvitationResent;
import id.modo.verse.organization.OrganizationEvents.InvitationRevoked;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to join an organization: sent by email with a single-use link, valid for
 * {@code modo.organization.invitation-validity}; accepted or declined by the invitee signed in with
 * the invited address; revoked or resent (a new token, the old one dead) by those who may manage
 * invitations. Only the SHA-256 of a token is stored.
 */
@Service
public class Invitations {

    private final InvitationRepository invitations;
    private final Organizations organizations;
    private final Accounts accounts;
    private final Mailer mailer;
    private final ModoProperties modo;
    private final OrganizationProperties properties;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final List<MemberLimits> memberLimits;

    static final int MAILS_PER_HOUR = 100;

    Invitations(InvitationRepository invitations, Organizations organizations, Accounts accounts, Mailer mailer, ModoProperties modo,
            OrganizationProperties properties, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            RateLimiter rateLimiter, List<MemberLimits> memberLimits) {
        this.rateLimiter = rateLimiter;
        this.memberLimits = memberLimits;
        this.invitations = invitations;
        this.organizations = organizations;
        this.accounts = accounts;
        this.mailer = mailer;
        this.modo = modo;
        this.properties = properties;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** An invitation as its organization's managers see it: never its token. */
    public record InvitationView(UUID id, OrganizationId organizationId, String email, Role role, InvitationStatus status,
            Instant expiresAt, UserId invitedBy, Instant createdAt, Instant acceptedAt) {
    }

    /**
     * Invites an address with a role and mails the link, in one transaction. Only an owner may invite
     * an owner. A member with that address is {@code already-member}; an address with a pending,
     * unexpired invitation is {@code already-invited} (resend that one instead).
     */
    @Transactional
    public InvitationView invite(UserId actor, OrganizationId id, String email, Role role) {
        Membership caller = organizations.require(actor, id, Permission.MANAGE_INVITATIONS);
        requireMayGrant(caller, role);
        limitMails(id);
        String address = Invitation.normalizeEmail(email);
        Optional<Accounts.Account> invitee = accounts.findByEmail(address);
        requireNotMember(invitee, id);
        Instant now = clock.instant();
        // A pending invitation whose time ran out no longer blocks a new one; it is recorded as expired.
        jdbc.sql("""
                update invitations set status = 'expired'
                where organization_id = ? and lower(email) = ? and status = 'pending' and expires_at <= ?""")
                .params(id.value(), address, Timestamp.from(now))
                .update();
        if (invitations.existsWithStatus(id.value(), address, InvitationStatus.PENDING)) {
            throw alreadyInvited();
        }
        checkMemberLimits(id, true);
        String token = SecureTokens.newToken();
        Invitation invitation = Invitation.issue(id, address, role, SecureTokens.sha256(token), actor, now,
                properties.invitationValidity());
        try {
            invitations.saveAndFlush(invitation);
        } catch (DataIntegrityViolationException e) {
            if (!ConstraintViolations.isUnique(e)) {
                throw e;
            }
            // Two invitations for the address at once: ux_invitations_pending_email lets one through.
            throw alreadyInvited();
        }
        events.publishEvent(new InvitationCreated(id.value(), actor.value(), invitation.id(), address, role.dbValue(),
                invitation.expiresAt()));
        mail(actor, id, invitation, token, invitee);
        return view(invitation, now);
    }

    /**
     * The organization's invitations, newest first (ties by id), one page at a time: keyset
     * pagination on {@code (created_at, id)}, served by {@code idx_invitations_org_keyset}. A pending
     * invitation past its expiry shows as expired.
     *
     * @param limit 1..{@value Keyset#MAX_LIMIT}, checked by the caller; clamped here
     * @param cursor {@code null} for the first page, else the {@code nextCursor} of the page before
     */
    @Transactional(readOnly = true)
    public Page<InvitationView> list(UserId actor, OrganizationId id, String cursor, int limit) {
        organizations.require(actor, id, Permission.MANAGE_INVITATIONS);
        int size = Keyset.clamp(limit);
        KeysetCursor after = Keyset.after(cursor);
        List<KeysetCursor> rows = jdbc.sql("""
                select id, created_at from invitations
                where organization_id = :org %s
                order by created_at desc, id desc
                limit :fetch""".formatted(after == null ? "" : "and (created_at, id) < (:afterAt, :afterId)"))
                .param("org", id.value())
                .param("fetch", Keyset.fetch(size))
                .params(after == null ? Map.of() : Map.of("afterAt", after.createdAt().atOffset(ZoneOffset.UTC), "afterId", after.id()))
                .query((rs, row) -> new KeysetCursor(rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("id", UUID.class)))
                .list();
        Page<KeysetCursor> page = Keyset.page(rows, size, row -> row);
        Map<UUID, Invitation> found = new HashMap<>();
        invitations.findAllById(page.items().stream().map(KeysetCursor::id).toList()).forEach(invitation -> found.put(invitation.id(), invitation));
        Instant now = clock.instant();
        return page.with(page.items().stream().map(row -> found.get(row.id())).filter(Objects::nonNull)
                .map(invitation -> view(invitation, now)).toList());
    }

    /** Withdraws a pending (or expired) invitation; its link stops working. Revoking twice is no error. */
    @Transactional
    public void revoke(UserId actor, OrganizationId id, UUID invitationId) {
        organizations.require(actor, id, Permission.MANAGE_INVITATIONS);
        Invitation invitation = lock(id, invitationId);
        InvitationStatus before = invitation.statusAt(clock.instant());
        if (invitation.revoke()) {
            events.publishEvent(new InvitationRevoked(id.value(), actor.value(), invitation.id(), invitation.email(), before.dbValue()));
        }
    }

    /**
     * Sends a pending or expired invitation again with a new token and a new expiry; the old link
     * stops working. Only an owner may resend an owner invitation.
     */
    @Transactional
    public InvitationView resend(UserId actor, OrganizationId id, UUID invitationId) {
        Membership caller = organizations.require(actor, id, Permission.MANAGE_INVITATIONS);
        Invitation invitation = lock(id, invitationId);
        requireMayGrant(caller, invitation.role());
        limitMails(id);
        Optional<Accounts.Account> invitee = accounts.findByEmail(invitation.email());
        requireNotMember(invitee, id);
        Instant now = clock.instant();
        InvitationStatus oldStatus = invitation.statusAt(now);
        if (oldStatus != InvitationStatus.PENDING) {
            // An expired invitation made pending again takes a seat again.
            checkMemberLimits(id, true);
        }
        Instant oldExpiresAt = invitation.expiresAt();
        String token = SecureTokens.newToken();
        invitation.reissue(SecureTokens.sha256(token), now, properties.invitationValidity());
        try {
            invitations.saveAndFlush(invitation);
        } catch (DataIntegrityViolationException e) {
            if (!ConstraintViolations.isUnique(e)) {
                throw e;
            }
            // An expired one made pending again while a newer invitation for the address is pending.
            throw alreadyInvited();
        }
        events.publishEvent(new InvitationResent(id.value(), actor.value(), invitation.id(), invitation.email(), oldStatus.dbValue(),
                oldExpiresAt, invitation.expiresAt()));
        mail(actor, id, invitation, token, invitee);
        return view(invitation, now);
    }

    /**
     * Accepts the invitation of a token for the signed-in user, whose email must be the invited one:
     * adds them as a member with the invited role and returns the organization. The invitation row is
     * locked first, so two accepts at once add the member once (the second finds it accepted: 410).
     */
    @Transactional
    public Organizations.OrganizationView accept(UserId user, String userEmail, String token) {
        return accept(user, lockForInvitee(userEmail, token));
    }

    /** Accepts an invitation to the signed-in user's address by its id, as the dashboard lists them; another address's is 404. */
    @Transactional
    public Organizations.OrganizationView acceptOwn(UserId user, String userEmail, UUID invitationId) {
        return accept(user, lockOwn(userEmail, invitationId));
    }

    private Organizations.OrganizationView accept(UserId user, Invitation invitation) {
        Instant now = clock.instant();
        invitation.accept(now);
        OrganizationId id = invitation.organizationId();
        if (organizations.membership(user, id).isPresent()) {
            throw new ProblemException(OrganizationProblems.ALREADY_MEMBER, "You are already a member of this organization.");
        }
        // The plan may have shrunk since the invitation was sent: the members alone must leave room.
        checkMemberLimits(id, false);
        organizations.addMember(id, user, invitation.role(), invitation.invitedBy(), invitation.createdAt());
        invitations.saveAndFlush(invitation);
        events.publishEvent(new InvitationAccepted(id.value(), user.value(), invitation.id(), invitation.email(),
                invitation.role().dbValue()));
        return organizations.get(user, id);
    }

    /** What the invitee sees before accepting: which organization, which role, from whom, and whether it is still open. */
    public record InvitationPreview(String organizationName, Role role, String inviterName, InvitationStatus status, Instant expiresAt) {
    }

    @Transactional
    public InvitationPreview preview(String userEmail, String token) {
        Invitation invitation = lockForInvitee(userEmail, token);
        String organizationName = jdbc.sql("select name from organizations where id = ?")
                .param(invitation.organizationId().value()).query(String.class).optional().orElse("");
        String inviter = invitation.invitedBy() == null ? null
                : accounts.find(invitation.invitedBy()).map(Accounts.Account::name).orElse(null);
        return new InvitationPreview(organizationName, invitation.role(), inviter, invitation.statusAt(clock.instant()),
                invitation.expiresAt());
    }

    /** Declines the invitation of a token for the signed-in user, whose email must be the invited one. */
    @Transactional
    public void decline(UserId user, String userEmail, String token) {
        decline(user, lockForInvitee(userEmail, token));
    }

    /** Declines an invitation to the signed-in user's address by its id; another address's is 404. */
    @Transactional
    public void declineOwn(UserId user, String userEmail, UUID invitationId) {
        decline(user, lockOwn(userEmail, invitationId));
    }

    private void decline(UserId user, Invitation invitation) {
        invitation.decline(clock.instant());
        invitations.saveAndFlush(invitation);
        events.publishEvent(new InvitationDeclined(invitation.organizationId().value(), user.value(), invitation.id(),
                invitation.email()));
    }

    /** An open invitation sent to the signed-in person's address, as their dashboard lists it. */
    public record PendingInvitation(UUID id, String organizationName, Role role, String inviterName, Instant expiresAt) {
    }

    private record PendingRow(UUID id, String organizationName, Role role, UUID invitedBy, Instant expiresAt) {
    }

    /**
     * The open invitations sent to an address, newest first: a person who signed up (or signed in) without the
     * mail's link still finds them. At most {@value Keyset#MAX_LIMIT}; more than that is not a real person's inbox.
     */
    @Transactional(readOnly = true)
    public List<PendingInvitation> pendingFor(String email) {
        return jdbc.sql("""
                select i.id, o.name, i.role, i.invited_by, i.expires_at from invitations i join organizations o on o.id = i.organization_id
                where lower(i.email) = ? and i.status = 'pending' and i.expires_at > ?
                order by i.created_at desc, i.id desc limit ?""")
                .params(Invitation.normalizeEmail(email), Timestamp.from(clock.instant()), Keyset.MAX_LIMIT)
                .query((rs, row) -> new PendingRow(rs.getObject("id", UUID.class), rs.getString("name"), Role.fromDb(rs.getString("role")),
                        rs.getObject("invited_by", UUID.class), rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .list().stream()
                .map(row -> new PendingInvitation(row.id(), row.organizationName(), row.role(), row.invitedBy() == null ? null
                        : accounts.find(UserId.of(row.invitedBy())).map(Accounts.Account::name).orElse(null), row.expiresAt()))
                .toList();
    }

    /** The open invitation of a token, whoever asks: the sign-in page names it to the holder of the mailed link. */
    @Transactional(readOnly = true)
    public Optional<PendingInvitationHint.Hint> hintForToken(String token) {
        return invitations.findByTokenHash(SecureTokens.sha256(token))
                .filter(invitation -> invitation.statusAt(clock.instant()) == InvitationStatus.PENDING)
                .map(invitation -> new PendingInvitationHint.Hint(jdbc.sql("select name from organizations where id = ?")
                        .param(invitation.organizationId().value()).query(String.class).optional().orElse(""),
                        invitation.role().dbValue(), invitation.email()));
    }

    private Invitation lockOwn(String userEmail, UUID invitationId) {
        return invitations.lockById(invitationId).filter(invitation -> invitation.isFor(userEmail))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such invitation."));
    }

    private Invitation lockForInvitee(String userEmail, String token) {
        Invitation invitation = invitations.lockByTokenHash(SecureTokens.sha256(token))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such invitation."));
        if (!invitation.isFor(userEmail)) {
            throw new ProblemException(OrganizationProblems.EMAIL_MISMATCH,
                    "This invitation was sent to another email address. Sign in with the address it was sent to.");
        }
        return invitation;
    }

    private Invitation lock(OrganizationId id, UUID invitationId) {
        return invitations.lockInOrganization(invitationId, id.value())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such invitation."));
    }

    /** Invitations send mail on the organization's behalf: at most {@value #MAILS_PER_HOUR} an hour, so nobody spams through us. */
    private void limitMails(OrganizationId id) {
        TooManyRequestsException.throwIfLimited(rateLimiter.hit("invitations:" + id.value(), MAILS_PER_HOUR, Duration.ofHours(1)));
    }

    /**
     * Asks every {@link MemberLimits} whether one more person fits. The organization row is locked first, so two
     * invitations sent at once are counted one after the other and cannot both take the last seat.
     */
    private void checkMemberLimits(OrganizationId id, boolean countPending) {
        if (memberLimits.isEmpty()) {
            return;
        }
        jdbc.sql("select id from organizations where id = ? for update").param(id.value()).query(UUID.class).optional();
        int members = jdbc.sql("select count(*) from organization_members where organization_id = ?")
                .param(id.value()).query(Integer.class).single();
        int pending = !countPending ? 0 : jdbc.sql("""
                select count(*) from invitations where organization_id = ? and status = 'pending' and expires_at > ?""")
                .params(id.value(), Timestamp.from(clock.instant())).query(Integer.class).single();
        memberLimits.forEach(limit -> limit.checkCanAdd(id, members + pending));
    }

    private static void requireMayGrant(Membership caller, Role role) {
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only an owner can invite an owner.");
        }
    }

    private void requireNotMember(Optional<Accounts.Account> invitee, OrganizationId id) {
        if (invitee.isPresent() && organizations.membership(invitee.get().id(), id).isPresent()) {
            throw new ProblemException(OrganizationProblems.ALREADY_MEMBER, "Someone with this email is already a member of this organization.");
        }
    }

    private static ProblemException alreadyInvited() {
        return new ProblemException(OrganizationProblems.ALREADY_INVITED,
                "This address already has a pending invitation to this organization. Resend or revoke that one.");
    }

    /**
     * Mails the link, in the invitee's language if they have an account that chose one, else in the
     * inviter's, else in the platform's default language.
     */
    private void mail(UserId actor, OrganizationId id, Invitation invitation, String token, Optional<Accounts.Account> invitee) {
        Optional<Accounts.Account> inviter = accounts.find(actor);
        String inviterName = inviter.map(account -> account.name() == null || account.name().isBlank() ? account.email() : account.name())
                .orElse("MODO Creator Verse");
        Locale locale = invitee.flatMap(Invitations::language).or(() -> inviter.flatMap(Invitations::language)).orElse(null);
        String organizationName = organizations.get(actor, id).name();
        MailTemplate.Invitation mail = new MailTemplate.Invitation(inviterName, organizationName, invitation.role().dbValue(),
                modo.link("/invitations/accept?token=" + token), Math.max(1, properties.invitationValidity().toDays()));
        try {
            mailer.send(invitation.email(), mail, locale);
        } catch (IllegalArgumentException e) {
            // An address the validation let through but SMTP would not take.
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                    Map.of("errors", List.of(new FieldError("email", "must be a deliverable email address"))));
        }
    }

    private static Optional<Locale> language(Accounts.Account account) {
        return Optional.ofNullable(account.preferences().get("language"))
                .map(Object::toString)
                .filter(language -> !language.isBlank())
                .map(Locale::forLanguageTag);
    }

    private static InvitationView view(Invitation invitation, Instant now) {
        return new InvitationView(invitation.id(), invitation.organizationId(), invitation.email(), invitation.role(),
                invitation.statusAt(now), invitation.expiresAt(), invitation.invitedBy(), invitation.createdAt(),
                invitation.acceptedAt());
    }
}
