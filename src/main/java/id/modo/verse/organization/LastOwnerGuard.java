package id.modo.verse.organization;

import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.AccountDeletionGuard;
import id.modo.verse.identity.IdentityEvents.AccountDeleted;
import id.modo.verse.identity.UserId;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An account that is the last owner of an organization cannot be deleted; a deleted account leaves all its organizations. */
@Component
class LastOwnerGuard implements AccountDeletionGuard {

    private final JdbcClient jdbc;

    LastOwnerGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void checkDeletable(UserId user) {
        List<String> sole = jdbc.sql("""
                select o.name from organization_members m join organizations o on o.id = m.organization_id
                where m.user_id = ? and m.role = 'owner'
                  and not exists (select 1 from organization_members other
                                  where other.organization_id = m.organization_id and other.role = 'owner' and other.user_id <> m.user_id)
                order by o.name""")
                .param(user.value()).query(String.class).list();
        if (!sole.isEmpty()) {
            throw new ProblemException(OrganizationProblems.LAST_OWNER, "You are the last owner of " + String.join(", ", sole)
                    + ". Make someone else an owner, or delete the organization, first.", java.util.Map.of("organizations", sole));
        }
    }

    /** In the deletion's transaction, so the account never outlives its memberships. */
    @EventListener
    void on(AccountDeleted event) {
        jdbc.sql("delete from organization_members where user_id = ?").param(event.userId()).update();
    }
}
