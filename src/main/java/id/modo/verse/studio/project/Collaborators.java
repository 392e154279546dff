package id.modo.verse.studio.project;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.Accounts;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.StudioEvents;
import id.modo.verse.studio.StudioProblems;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's team: organization members with a role and the sections they may edit. Managed by the organization's
 * owners and admins and by collaborators granted the {@code team} section.
 */
@Service
public class Collaborators {

    public record CollaboratorView(UserId userId, String name, String email, String avatar, CollaboratorRole role, String customRoleTitle,
            List<Section> permissions, UserId assignedBy, Instant assignedAt) {

        public String roleTitle() {
            return role == CollaboratorRole.CUSTOM ? customRoleTitle : null;
        }
    }

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final Organizations organizations;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Collaborators(JdbcClient jdbc, ProjectAccess access, Organizations organizations, Accounts accounts,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.organizations = organizations;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** The team, producers first, then in the order they joined; for anyone who sees the project. */
    @Transactional(readOnly = true)
    public List<CollaboratorView> list(UserId actor, ProjectId project) {
        access.read(actor, project);
        record Row(UUID userId, String role, String title, String permissions, UUID assignedBy, Instant assignedAt) {
        }
        List<Row> rows = jdbc.sql("""
                select user_id, role, custom_role_title, permissions::text as permissions, assigned_by, assigned_at
                from project_collaborators where project_id = ?
                order by role <> 'ip_producer', assigned_at, user_id""")
                .param(project.value())
                .query((rs, n) -> new Row(rs.getObject("user_id", UUID.class), rs.getString("role"), rs.getString("custom_role_title"),
                        rs.getString("permissions"), rs.getObject("assigned_by", UUID.class), rs.getTimestamp("assigned_at").toInstant()))
                .list();
        Map<UserId, Accounts.Person> people = accounts.people(rows.stream().map(r -> UserId.of(r.userId())).toList());
        return rows.stream().map(r -> {
            Accounts.Person person = people.get(UserId.of(r.userId()));
            return new CollaboratorView(UserId.of(r.userId()), person == null ? null : person.name(), person == null ? null : person.email(),
                    person == null ? null : person.avatar(), CollaboratorRole.fromDb(r.role()), r.title(), sections(r.permissions()),
                    r.assignedBy() == null ? null : UserId.of(r.assignedBy()), r.assignedAt());
        }).toList();
    }

    /** Adds an organization member to the team (409 when they are not a member: invite them to the organization first). */
    @Transactional
    public CollaboratorView add(UserId actor, ProjectId project, UserId user, CollaboratorRole role, String customRoleTitle,
            List<Section> permissions) {
        ProjectView view = access.edit(actor, project, Section.TEAM);
        String title = checkTitle(role, customRoleTitle);
        if (organizations.membership(user, view.organizationId()).isEmpty()) {
            throw new ProblemException(StudioProblems.NOT_A_MEMBER,
                    "This person is not a member of the organization. Invite them to the organization first, then add them here.");
        }
        List<String> values = dbValues(permissions);
        try {
            jdbc.sql("""
                    insert into project_collaborators (project_id, user_id, role, custom_role_title, permissions, assigned_by, assigned_at)
                    values (?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
                    .params(project.value(), user.value(), role.dbValue(), title, json(values), actor.value(),
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ProblemException(StudioProblems.ALREADY_COLLABORATOR, "This person is already on the project's team. Change their role instead.");
        }
        events.publishEvent(new StudioEvents.CollaboratorAdded(view.organizationId().value(), actor.value(), project.value(), user.value(),
                role.dbValue(), values));
        return find(project, user);
    }

    /** Changes a collaborator's role, title or sections; null leaves each as it is. */
    @Transactional
    CollaboratorView change(UserId actor, ProjectId project, UserId user, CollaboratorRole role, String customRoleTitle,
            List<Section> permissions) {
        ProjectView view = access.edit(actor, project, Section.TEAM);
        CollaboratorView current = lockAndFind(project, user);
        CollaboratorRole newRole = role == null ? current.role() : role;
        String title = checkTitle(newRole, customRoleTitle == null && newRole == current.role() ? current.customRoleTitle() : customRoleTitle);
        List<String> values = permissions == null ? dbValues(current.permissions()) : dbValues(permissions);
        if (current.role() == CollaboratorRole.IP_PRODUCER && newRole != CollaboratorRole.IP_PRODUCER) {
            requireAnotherProducer(project, user);
        }
        jdbc.sql("update project_collaborators set role = ?, custom_role_title = ?, permissions = cast(? as jsonb) where project_id = ? and user_id = ?")
                .params(newRole.dbValue(), title, json(values), project.value(), user.value())
                .update();
        Map<String, Object> before = snapshot(current.role().dbValue(), current.customRoleTitle(), dbValues(current.permissions()));
        Map<String, Object> after = snapshot(newRole.dbValue(), title, values);
        if (!before.equals(after)) {
            events.publishEvent(new StudioEvents.CollaboratorChanged(view.organizationId().value(), actor.value(), project.value(),
                    user.value(), id.modo.verse.common.Changes.differing(before, after), id.modo.verse.common.Changes.differing(after, before)));
        }
        return find(project, user);
    }

    /** Takes someone off the team; the project's last producer stays. */
    @Transactional
    void remove(UserId actor, ProjectId project, UserId user) {
        ProjectView view = access.edit(actor, project, Section.TEAM);
        CollaboratorView current = lockAndFind(project, user);
        if (current.role() == CollaboratorRole.IP_PRODUCER) {
            requireAnotherProducer(project, user);
        }
        jdbc.sql("delete from project_collaborators where project_id = ? and user_id = ?").params(project.value(), user.value()).update();
        events.publishEvent(new StudioEvents.CollaboratorRemoved(view.organizationId().value(), actor.value(), project.value(), user.value(),
                current.role().dbValue()));
    }

    private void requireAnotherProducer(ProjectId project, UserId user) {
        int others = jdbc.sql("select count(*) from project_collaborators where project_id = ? and role = 'ip_producer' and user_id <> ?")
                .params(project.value(), user.value()).query(Integer.class).single();
        if (others == 0) {
            throw new ProblemException(StudioProblems.LAST_PRODUCER, "This is the project's only producer. Make someone else ip_producer first.");
        }
    }

    private CollaboratorView lockAndFind(ProjectId project, UserId user) {
        // Locks the team's producers so two managers cannot each remove the other's last producer at once.
        jdbc.sql("select user_id from project_collaborators where project_id = ? and role = 'ip_producer' for update")
                .param(project.value()).query(UUID.class).list();
        return find(project, user);
    }

    private CollaboratorView find(ProjectId project, UserId user) {
        return jdbc.sql("""
                select role, custom_role_title, permissions::text as permissions, assigned_by, assigned_at
                from project_collaborators where project_id = ? and user_id = ?""")
                .params(project.value(), user.value())
                .query((rs, n) -> {
                    UUID assignedBy = rs.getObject("assigned_by", UUID.class);
                    Accounts.Person person = accounts.people(List.of(user)).get(user);
                    return new CollaboratorView(user, person == null ? null : person.name(), person == null ? null : person.email(),
                            person == null ? null : person.avatar(), CollaboratorRole.fromDb(rs.getString("role")),
                            rs.getString("custom_role_title"), sections(rs.getString("permissions")),
                            assignedBy == null ? null : UserId.of(assignedBy), rs.getTimestamp("assigned_at").toInstant());
                })
                .optional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This person is not on the project's team."));
    }

    private static String checkTitle(CollaboratorRole role, String customRoleTitle) {
        if (role == CollaboratorRole.CUSTOM) {
            if (customRoleTitle == null || customRoleTitle.isBlank()) {
                throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors",
                        List.of(new FieldError("custom_role_title", "is required for the custom role"))));
            }
            return customRoleTitle.strip();
        }
        return null;
    }

    private static Map<String, Object> snapshot(String role, String title, List<String> permissions) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("role", role);
        values.put("custom_role_title", title);
        values.put("permissions", permissions);
        return values;
    }

    private static List<String> dbValues(List<Section> sections) {
        return sections.stream().distinct().sorted().map(Section::dbValue).toList();
    }

    /** A JSON array of the sections' values; they are fixed lowercase words, so no escaping is needed. */
    static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static List<Section> sections(String json) {
        List<Section> sections = new ArrayList<>();
        for (String part : json.replaceAll("[\\[\\]\" ]", "").split(",")) {
            Section.fromDb(part).ifPresent(sections::add);
        }
        return sections;
    }
}
