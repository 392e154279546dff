package id.modo.verse.organization;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.identity.UserId;
import org.springframework.stereotype.Component;

/** The demo's organizations: Studio Kancil Animasi with an owner, an editor and a viewer, and Layar Nusantara Films. */
@Component
class OrganizationDemo implements DemoSeeder {

    private final Organizations organizations;

    OrganizationDemo(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public int order() {
        return ORGANIZATIONS;
    }

    @Override
    public void seed(DemoContext demo) {
        OrganizationId kancil = organizations.create(user(demo, Person.KANCIL_OWNER), "Studio Kancil Animasi", "studio-kancil").id();
        organizations.addMemberBySystem(kancil, user(demo, Person.KANCIL_EDITOR), Role.EDITOR);
        organizations.addMemberBySystem(kancil, user(demo, Person.KANCIL_VIEWER), Role.VIEWER);
        demo.tenant(Tenant.KANCIL, kancil.value());
        demo.tenant(Tenant.LAYAR, organizations.create(user(demo, Person.LAYAR_OWNER), "Layar Nusantara Films", "layar-nusantara")
                .id().value());
    }

    private static UserId user(DemoContext demo, Person person) {
        return UserId.of(demo.person(person));
    }
}
