package id.modo.verse.studio.bible;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Si Kancil's bible PDF, every section in English, so a new user can download one on first start. It is asked for as a
 * job in the demo's own transaction: it runs once that committed, in the background, after the moodboard, prediction
 * and animatic demos seeded theirs, never delaying readiness; a node stopped mid-way leaves the job to run again.
 */
@Service
class BibleDemo implements DemoSeeder {

    private final BibleExports exports;
    private final JdbcClient jdbc;

    BibleDemo(BibleExports exports, JdbcClient jdbc) {
        this.exports = exports;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return CONTENT + 40;
    }

    @Override
    public void seed(DemoContext demo) {
        UserId owner = UserId.of(demo.person(Person.KANCIL_OWNER));
        UUID project = jdbc.sql("select id from projects where organization_id = ? and slug = 'si-kancil'")
                .param(demo.tenant(Tenant.KANCIL))
                .query(UUID.class)
                .single();
        exports.request(owner, ProjectId.of(project), BibleExports.all(), BibleLanguage.EN);
    }
}
