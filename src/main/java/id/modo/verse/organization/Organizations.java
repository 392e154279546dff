package id.modo.verse.organization;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.Slug;
import id.modo.verse.common.ConstraintViolations;
import id.modo.verse.common.Changes;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.identity.Accounts;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationEvents.MemberAdded;
import id.modo.verse.organization.OrganizationEvents.MemberRemoved;
import id.modo.verse.organization.OrganizationEvents.MemberRoleChanged;
import id.modo.verse.organization.OrganizationEvents.OrganizationCreated;
import id.modo.verse.organization.OrganizationEvents.OrganizationDeleted;
import id.modo.verse.organization.OrganizationEvents.OrganizationUpdated;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations and their members, and the one access check every module uses:
 * {@link #require(UserId, OrganizationId, Permission)}. Their storage quota is {@link OrganizationStorage}'s.
 */
@Service
public class Organizations {

    private final OrganizationRepository organizations;
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organizations(OrganizationRepository organizations, JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events,
            Clock clock) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    public record OrganizationView(OrganizationId id, String name, String slug, String description, String website, String logo,
            String billingEmail, String plan, Role myRole, Instant createdAt) {
    }

    public record MemberView(UserId userId, String name, String email, String username, String avatar, Role role, Instant joinedAt) {
    }

    /**
     * The caller's membership if they may do {@code permission} in the organization. An outsider
     * (or a missing organization) gets 404, so nobody learns which organizations exist; a member
     * without the permission gets 403.
     */
    public Membership require(UserId actor, OrganizationId organization, Permission permission) {
        Membership membership = membership(actor, organization).orElseThrow(Organizations::notFound);
        if (!membership.can(permission)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Your role (" + membership.role().dbValue() + ") in this organization does not allow this.");
        }
        return membership;
    }

    /** One query, in the caller's transaction if there is one; not a transaction of its own, as every request asks this. */
    public Optional<Membership> membership(UserId user, OrganizationId organization) {
        return jdbc.sql("select role from organization_members where organization_id = ? and user_id = ?")
                .params(organization.value(), user.value())
                .query(String.class)
                .optional()
                .map(role -> new Membership(organization, user, Role.fromDb(role)));
    }

    @Transactional
    public OrganizationView create(UserId actor, String name, String requestedSlug) {
        String slug;
        if (requestedSlug == null || requestedSlug.isBlank()) {
            slug = freeSlug(Slug.suggest(name, "studio"));
        } else {
            slug = requestedSlug.strip().toLowerCase(java.util.Locale.ROOT);
            if (!Organization.isAllowedSlug(slug)) {
                throw invalidSlug();
            }
            if (organizations.existsBySlug(slug)) {
                throw new ProblemException(OrganizationProblems.SLUG_TAKEN, "The address '" + slug + "' is taken. Try '" + freeSlug(slug) + "'.",
                        Map.of("suggestion", freeSlug(slug)));
            }
        }
        Instant now = clock.instant();
        Organization organization = Organization.create(name, slug, now);
        try {
            organizations.saveAndFlush(organization);
        } catch (DataIntegrityViolationException e) {
            if (!ConstraintViolations.isUnique(e)) {
                throw e;
            }
            throw new ProblemException(OrganizationProblems.SLUG_TAKEN, "The address '" + slug + "' was just taken. Choose another.");
        }
        jdbc.sql("insert into organization_members (organization_id, user_id, role, joined_at) values (?, ?, 'owner', ?)")
                .params(organization.id(), actor.value(), Timestamp.from(now))
                .update();
        events.publishEvent(new OrganizationCreated(organization.id(), actor.value(), organization.name(), slug));
        events.publishEvent(new MemberAdded(organization.id(), actor.value(), actor.value(), Role.OWNER.dbValue()));
        return view(organization, Role.OWNER);
    }

    /**
     * Sets the organization's plan and storage limit as its subscription now says. Only for the module
     * that sells plans; audited as {@code plan_apply} when something changed.
     */
    @Transactional
    public void applyPlan(OrganizationId id, String plan, long storageLimitBytes) {
        record Current(String plan, long storageLimitBytes) {
        }
        Current current = jdbc.sql("select plan, storage_limit_bytes from organizations where id = ? for update")
                .param(id.value())
                .query((rs, row) -> new Current(rs.getString("plan"), rs.getLong("storage_limit_bytes")))
                .optional()
                .orElseThrow(Organizations::notFound);
        if (current.plan().equals(plan) && current.storageLimitBytes() == storageLimitBytes) {
            return;
        }
        jdbc.sql("update organizations set plan = ?, storage_limit_bytes = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(plan, storageLimitBytes, Timestamp.from(clock.instant()), id.value())
                .update();
        events.publishEvent(new OrganizationEvents.OrganizationPlanApplied(id.value(), current.plan(), current.storageLimitBytes(),
                plan, storageLimitBytes));
    }

    /** Who receives an organization's billing mail: its name, billing email (or null) and its owners, longest-standing first. */
    public record BillingContact(String name, String billingEmail, List<Accounts.Person> owners) {

        /** The billing email if set, else the owners' addresses. */
        public List<String> recipients() {
            return billingEmail == null || billingEmail.isBlank() ? owners.stream().map(Accounts.Person::email).toList() : List.of(billingEmail);
        }
    }

    /** The billing contact of an organization, for system code (renewals) that acts without a signed-in person. */
    @Transactional(readOnly = true)
    public BillingContact billingContact(OrganizationId id) {
        Organization organization = load(id);
        List<UserId> owners = jdbc.sql("select user_id from organization_members where organization_id = ? and role = 'owner' order by joined_at")
                .param(id.value()).query(UUID.class).list().stream().map(UserId::of).toList();
        Map<UserId, Accounts.Person> people = accounts.people(owners);
        return new BillingContact(organization.name(), organization.billingEmail(),
                owners.stream().map(people::get).filter(java.util.Objects::nonNull).toList());
    }

    /** The names of organizations, for platform-wide reports (the AI usage dashboard) that list them by id; deleted ones are missing. */
    @Transactional(readOnly = true)
    public Map<OrganizationId, String> names(java.util.Collection<OrganizationId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<OrganizationId, String> names = new java.util.HashMap<>();
        jdbc.sql("select id, name from organizations where id = any(?)").param(ids.stream().map(OrganizationId::value).toArray(UUID[]::new))
                .query(rs -> {
                    names.put(OrganizationId.of(rs.getObject("id", UUID.class)), rs.getString("name"));
                });
        return names;
    }

    /** Suggests a free address for a name, as the create form shows before the user picks one. */
    @Transactional(readOnly = true)
    public String suggestSlug(String name) {
        return freeSlug(Slug.suggest(name, "studio"));
    }

    @Transactional(readOnly = true)
    public List<OrganizationView> mine(UserId user) {
        List<Map.Entry<UUID, Role>> memberships = jdbc.sql("select organization_id, role from organization_members where user_id = ?")
                .param(user.value())
                .query((rs, row) -> Map.entry(rs.getObject("organization_id", UUID.class), Role.fromDb(rs.getString("role"))))
                .list();
        Map<UUID, Role> roles = new java.util.HashMap<>();
        memberships.forEach(entry -> roles.put(entry.getKey(), entry.getValue()));
        return organizations.findAllById(roles.keySet()).stream()
                .sorted(java.util.Comparator.comparing(Organization::name, String.CASE_INSENSITIVE_ORDER))
                .map(organization -> view(organization, roles.get(organization.id())))
                .toList();
    }

    /**
     * The caller's organizations in the order they joined them (ties by organization id), one page at
     * a time: keyset on the membership's {@code (joined_at, organization_id)}.
     */
    @Transactional(readOnly = true)
    public Page<OrganizationView> mine(UserId user, String cursor, int limit) {
        int size = Keyset.clamp(limit);
        KeysetCursor after = Keyset.after(cursor);
        record Row(UUID organizationId, Role role, Instant joinedAt) {
        }
        List<Row> rows = jdbc.sql("""
                select organization_id, role, joined_at from organization_members
                where user_id = :user %s
                order by joined_at, organization_id
                limit :fetch""".formatted(after == null ? "" : "and (joined_at, organization_id) > (:afterAt, :afterId)"))
                .param("user", user.value())
                .param("fetch", Keyset.fetch(size))
                .params(after == null ? Map.of() : Map.of("afterAt", after.createdAt().atOffset(ZoneOffset.UTC), "afterId", after.id()))
                .query((rs, row) -> new Row(rs.getObject("organization_id", UUID.class), Role.fromDb(rs.getString("role")),
                        rs.getTimestamp("joined_at").toInstant()))
                .list();
        Page<Row> page = Keyset.page(rows, size, row -> new KeysetCursor(row.joinedAt(), row.organizationId()));
        Map<UUID, Organization> loaded = new java.util.HashMap<>();
        organizations.findAllById(page.items().stream().map(Row::organizationId).toList()).forEach(o -> loaded.put(o.id(), o));
        return page.with(page.items().stream()
                .filter(r -> loaded.containsKey(r.organizationId()))
                .map(r -> view(loaded.get(r.organizationId()), r.role()))
                .toList());
    }

    @Transactional(readOnly = true)
    public OrganizationView get(UserId actor, OrganizationId id) {
        Membership membership = require(actor, id, Permission.VIEW);
        return view(load(id), membership.role());
    }

    @Transactional
    public OrganizationView update(UserId actor, OrganizationId id, OrganizationChange change) {
        Membership membership = require(actor, id, Permission.MANAGE_SETTINGS);
        Organization organization = load(id);
        Map<String, Object> before = organization.snapshot();
        organization.update(change, clock.instant());
        organizations.saveAndFlush(organization);
        Map<String, Object> after = organization.snapshot();
        if (!before.equals(after)) {
            events.publishEvent(new OrganizationUpdated(id.value(), actor.value(), Changes.differing(before, after), Changes.differing(after, before)));
        }
        return view(organization, membership.role());
    }

    @Transactional
    public void delete(UserId actor, OrganizationId id) {
        require(actor, id, Permission.OWN);
        Organization organization = load(id);
        events.publishEvent(new OrganizationDeleted(id.value(), actor.value(), organization.name(), organization.slug()));
        try {
            organizations.delete(organization);
            organizations.flush();
        } catch (DataIntegrityViolationException e) {
            if (!ConstraintViolations.isForeignKey(e)) {
                throw e;
            }
            throw new ProblemException(OrganizationProblems.STILL_IN_USE,
                    "This organization still owns content (projects, products, campaigns…). Delete or move that first.");
        }
    }

    /**
     * The organization's members in the order they joined (ties by user id), one page at a time:
     * keyset pagination on {@code (joined_at, user_id)}, which {@code idx_org_members_keyset} serves,
     * so a page costs the same in an organization of ten or of ten thousand.
     *
     * @param limit 1..{@value Keyset#MAX_LIMIT}, checked by the caller; clamped here
     * @param cursor {@code null} for the first page, else the {@code nextCursor} of the page before
     */
    @Transactional(readOnly = true)
    public Page<MemberView> members(UserId actor, OrganizationId id, String cursor, int limit) {
        require(actor, id, Permission.VIEW);
        int size = Keyset.clamp(limit);
        KeysetCursor after = Keyset.after(cursor);
        record Row(UUID userId, Role role, Instant joinedAt) {
        }
        List<Row> rows = jdbc.sql("""
                select user_id, role, joined_at from organization_members
                where organization_id = :org %s
                order by joined_at, user_id
                limit :fetch""".formatted(after == null ? "" : "and (joined_at, user_id) > (:afterAt, :afterId)"))
                .param("org", id.value())
                .param("fetch", Keyset.fetch(size))
                .params(after == null ? Map.of() : Map.of("afterAt", after.createdAt().atOffset(ZoneOffset.UTC), "afterId", after.id()))
                .query((rs, row) -> new Row(rs.getObject("user_id", UUID.class), Role.fromDb(rs.getString("role")),
                        rs.getTimestamp("joined_at").toInstant()))
                .list();
        Page<Row> page = Keyset.page(rows, size, row -> new KeysetCursor(row.joinedAt(), row.userId()));
        Map<UserId, Accounts.Person> people = accounts.people(page.items().stream().map(r -> UserId.of(r.userId())).toList());
        return page.map(r -> {
            Accounts.Person person = people.get(UserId.of(r.userId()));
            return new MemberView(UserId.of(r.userId()), person == null ? null : person.name(), person == null ? null : person.email(),
                    person == null ? null : person.username(), person == null ? null : person.avatar(), r.role(), r.joinedAt());
        });
    }

    /**
     * Changes a member's role. Admins manage editors, viewers and other admins; only owners touch
     * owners; the last owner cannot be demoted.
     */
    @Transactional
    public void changeRole(UserId actor, OrganizationId id, UserId member, Role newRole) {
        Membership caller = require(actor, id, Permission.MANAGE_MEMBERS);
        Role current = lockOwnersAndFind(id, member);
        if (current == newRole) {
            return;
        }
        if (caller.role() != Role.OWNER && (current == Role.OWNER || newRole == Role.OWNER)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only an owner can make someone an owner or change an owner's role.");
        }
        if (current == Role.OWNER && ownerCount(id) == 1) {
            throw new ProblemException(OrganizationProblems.LAST_OWNER, "This is the organization's last owner. Make someone else an owner first.");
        }
        jdbc.sql("update organization_members set role = ? where organization_id = ? and user_id = ?")
                .params(newRole.dbValue(), id.value(), member.value())
                .update();
        events.publishEvent(new MemberRoleChanged(id.value(), actor.value(), member.value(), current.dbValue(), newRole.dbValue()));
    }

    /** Removes a member, or lets a member leave ({@code member} = {@code actor}). */
    @Transactional
    public void removeMember(UserId actor, OrganizationId id, UserId member) {
        Membership caller = actor.equals(member)
                ? membership(actor, id).orElseThrow(Organizations::notFound)
                : require(actor, id, Permission.MANAGE_MEMBERS);
        Role current = lockOwnersAndFind(id, member);
        if (!actor.equals(member) && current == Role.OWNER && caller.role() != Role.OWNER) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only an owner can remove an owner.");
        }
        if (current == Role.OWNER && ownerCount(id) == 1) {
            throw new ProblemException(OrganizationProblems.LAST_OWNER, "The last owner cannot leave. Transfer ownership or delete the organization.");
        }
        jdbc.sql("delete from organization_members where organization_id = ? and user_id = ?").params(id.value(), member.value()).update();
        events.publishEvent(new MemberRemoved(id.value(), actor.value(), member.value(), current.dbValue()));
    }

    /** Makes another member an owner and the caller an admin. */
    @Transactional
    public void transferOwnership(UserId actor, OrganizationId id, UserId newOwner) {
        require(actor, id, Permission.OWN);
        if (actor.equals(newOwner)) {
            return;
        }
        changeRole(actor, id, newOwner, Role.OWNER);
        changeRole(actor, id, actor, Role.ADMIN);
    }

    /**
     * Adds someone as a member without an invitation. Only for system code that has decided this
     * already (demo data); people join through {@link Invitations}.
     */
    @Transactional
    public void addMemberBySystem(OrganizationId id, UserId user, Role role) {
        addMember(id, user, role, null, null);
    }

    /** Adds someone as a member, as an accepted invitation does. */
    @Transactional
    void addMember(OrganizationId id, UserId user, Role role, UserId invitedBy, Instant invitedAt) {
        jdbc.sql("""
                insert into organization_members (organization_id, user_id, role, invited_by, invited_at, joined_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id.value(), user.value(), role.dbValue(), invitedBy == null ? null : invitedBy.value(),
                        invitedAt == null ? null : Timestamp.from(invitedAt), Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new MemberAdded(id.value(), user.value(), user.value(), role.dbValue()));
    }

    /** Locks the owners' rows (so two owners cannot demote each other at once) and returns the member's role. */
    private Role lockOwnersAndFind(OrganizationId id, UserId member) {
        jdbc.sql("select user_id from organization_members where organization_id = ? and role = 'owner' for update")
                .param(id.value()).query(UUID.class).list();
        return jdbc.sql("select role from organization_members where organization_id = ? and user_id = ?")
                .params(id.value(), member.value())
                .query(String.class)
                .optional()
                .map(Role::fromDb)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such member."));
    }

    private int ownerCount(OrganizationId id) {
        return jdbc.sql("select count(*) from organization_members where organization_id = ? and role = 'owner'")
                .param(id.value()).query(Integer.class).single();
    }

    private Organization load(OrganizationId id) {
        return organizations.findById(id.value()).orElseThrow(Organizations::notFound);
    }

    private String freeSlug(String base) {
        // A reserved word ("admin") is offered as "admin-studio" first.
        String start = Organization.isAllowedSlug(base) ? base : base + "-studio";
        return Slug.free(start, slug -> !Organization.isAllowedSlug(slug) || organizations.existsBySlug(slug));
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such organization.");
    }

    private static ProblemException invalidSlug() {
        return new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", List.of(
                new FieldError("slug", "must be lowercase letters, digits and single hyphens, not a reserved word"))));
    }

    private static OrganizationView view(Organization organization, Role role) {
        return new OrganizationView(OrganizationId.of(organization.id()), organization.name(), organization.slug(),
                organization.description(), organization.website(), organization.logo(), organization.billingEmail(),
                organization.plan(), role, organization.createdAt());
    }
}
