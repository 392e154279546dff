package id.modo.verse.studio;

import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.UserId;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Who sees and edits which project, by organization role, visibility and collaborator sections. */
@IntegrationTest
class ProjectAccessIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectAccess access;
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;

    @BeforeEach
    void studio() {
        fixtures = new StudioFixtures(new Http(port), jdbc);
        studio = fixtures.studio("access");
    }

    @Test
    void privateProjectsAreForCollaboratorsAndOrganizationAdminsOnly() {
        ProjectId project = project("private");
        UserId admin = user(fixtures.member(studio, "admin"));
        UserId editor = user(fixtures.member(studio, "editor"));
        Users.Signed storyEditor = fixtures.member(studio, "editor");
        fixtures.collaborator(studio, project.toString(), storyEditor.id(), "story_supervisor", "story");
        UserId outsider = user(new Users(new Http(port)).signUpAndIn("outsider"));

        assertThat(access.read(admin, project).canEdit(Section.CHARACTERS)).isTrue();
        assertThat(status(() -> access.read(editor, project))).isEqualTo(404);
        assertThat(status(() -> access.read(outsider, project))).isEqualTo(404);
        ProjectView asStory = access.read(user(storyEditor), project);
        assertThat(asStory.editable()).containsExactly(Section.STORY);
        assertThat(asStory.manager()).isFalse();
        assertThat(access.edit(user(storyEditor), project, Section.STORY).id()).isEqualTo(project);
        assertThat(status(() -> access.edit(user(storyEditor), project, Section.CHARACTERS))).isEqualTo(403);
        assertThat(status(() -> access.manage(user(storyEditor), project))).isEqualTo(403);
        assertThat(access.publicProject(project)).isEmpty();
    }

    @Test
    void teamProjectsAreSeenByEveryMemberButViewersNeverEditEvenWhenGranted() {
        ProjectId project = project("team");
        Users.Signed viewer = fixtures.member(studio, "viewer");
        fixtures.collaborator(studio, project.toString(), viewer.id(), "ip_producer", "story", "team");
        UserId editor = user(fixtures.member(studio, "editor"));

        assertThat(access.read(editor, project).editable()).isEmpty();
        assertThat(status(() -> access.edit(editor, project, Section.STORY))).isEqualTo(403);
        assertThat(access.read(user(viewer), project).editable()).isEmpty();
        assertThat(access.read(user(viewer), project).manager()).isFalse();
        assertThat(status(() -> access.edit(user(viewer), project, Section.STORY))).isEqualTo(403);
        assertThat(access.manage(user(studio.owner()), project).manager()).isTrue();
    }

    @Test
    void aTrashedProjectIsNotFoundExceptToRestoreAndAPublicOneIsOpenToEveryone() {
        ProjectId trashed = project("team");
        assertThat(studio.asOwner().call("DELETE", "/api/v1/projects/" + trashed, null).statusCode()).isEqualTo(204);
        assertThat(status(() -> access.read(user(studio.owner()), trashed))).isEqualTo(404);
        assertThat(access.manageTrashed(user(studio.owner()), trashed).id()).isEqualTo(trashed);

        ProjectId open = project("public");
        assertThat(access.publicProject(open)).get().extracting(ProjectView::title).isEqualTo("Kancil public");
        assertThat(access.publicProject(open).orElseThrow().editable()).isEmpty();
        assertThat(status(() -> access.read(user(new Users(new Http(port)).signUpAndIn("stranger")), open))).isEqualTo(404);
    }

    private ProjectId project(String visibility) {
        return ProjectId.of(UUID.fromString(fixtures.project(studio.asOwner(), studio.organizationId(), "Kancil " + visibility, visibility)));
    }

    private static UserId user(Users.Signed signed) {
        return UserId.of(UUID.fromString(signed.id()));
    }

    private static int status(Runnable call) {
        return catchThrowableOfType(ProblemException.class, call::run).type().status().value();
    }
}
