package id.modo.verse.studio;

import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.Snapshot;
import id.modo.verse.identity.UserId;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The version history on the real database: numbering, conflicts instead of overwrites, one winner under concurrency. */
@IntegrationTest
class VersionsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Versions versions;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Snapshot snapshot;
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;
    ProjectId project;
    UserId owner;

    @BeforeEach
    void project() {
        fixtures = new StudioFixtures(new Http(port), jdbc);
        studio = fixtures.studio("versions");
        project = ProjectId.of(UUID.fromString(fixtures.project(studio.asOwner(), studio.organizationId(), "Kancil", "team")));
        owner = UserId.of(UUID.fromString(studio.owner().id()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void savesCountFromOneAndAStaleBaseIsAConflictWithTheCurrentContentAndItsAuthor() {
        UUID entity = UUID.randomUUID();
        Version first = save(entity, "premise", "A mouse-deer outwits a crocodile.", 0);
        Version second = save(entity, "premise", "A mouse-deer outwits the crocodiles of the river.", 1);
        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.authorName()).isEqualTo("Test versions");

        ProblemException conflict = catchThrowableOfType(ProblemException.class,
                () -> save(entity, "premise", "My text from version 1", 1));
        assertThat(conflict.type()).isEqualTo(StudioProblems.EDIT_CONFLICT);
        assertThat(conflict.properties()).containsEntry("current_version", 2)
                .containsEntry("content", "A mouse-deer outwits the crocodiles of the river.")
                .containsEntry("saved_at", second.createdAt().toString());
        assertThat((Map<Object, Object>) conflict.properties().get("saved_by")).containsEntry("id", owner.value()).containsEntry("name", "Test versions");

        // A section is numbered on its own; never saved means base 0.
        assertThat(save(entity, "logline", "Small but clever.", 0).number()).isEqualTo(1);
        // A base ahead of the current version was never anyone's save: a 400 naming the current one, not a conflict.
        ProblemException ahead = catchThrowableOfType(ProblemException.class, () -> save(UUID.randomUUID(), "premise", "x", 3));
        assertThat(ahead.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(ahead.getMessage()).contains("the current version is 0");

        // Saving what is already current adds nothing.
        assertThat(save(entity, "premise", "A mouse-deer outwits the crocodiles of the river.", 2).id()).isEqualTo(second.id());
        assertThat(versions.current("test", entity, "premise").orElseThrow().number()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from studio_versions where entity_id = ? and is_current").param(entity)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aPageReadsTheTextAndItsVersionNumberFromOneSnapshotSoASaveBetweenThemCannotPairOldTextWithTheNewNumber() {
        String story = "/api/v1/projects/" + project.value() + "/story";
        assertThat(studio.asOwner().call("PATCH", story, "{\"base_version\":0,\"premise\":\"first\"}").statusCode()).isEqualTo(200);
        UUID storyId = jdbc.sql("select id from stories where project_id = ?").param(project.value()).query(UUID.class).single();
        int[] base = {1};
        // What the story, character and universe pages read: the row, then its current versions; another editor saves between.
        Supplier<String> page = () -> {
            String premise = jdbc.sql("select premise from stories where id = ?").param(storyId).query(String.class).single();
            var saved = studio.asOwner().call("PATCH", story, "{\"base_version\":" + base[0] + ",\"premise\":\"by the other editor " + base[0] + "\"}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            base[0]++;
            return premise + " @" + versions.currentSections("story", storyId).get("details").number();
        };
        // In a plain read-only transaction (READ COMMITTED): the text of version 1 offered with base version 2, and saving
        // that text would silently overwrite version 2.
        TransactionTemplate readCommitted = new TransactionTemplate(transactions.getTransactionManager());
        readCommitted.setReadOnly(true);
        String readOneAfterTheOther = readCommitted.execute(status -> page.get());
        assertThat(readOneAfterTheOther).isEqualTo("first @2");
        // On one snapshot the text and the number agree, so a save of that text gets the 409 it should.
        assertThat(snapshot.read(page)).isEqualTo("by the other editor 1 @2");
        // Inside a transaction under way, the reads join it.
        String joined = readCommitted.execute(status -> snapshot.read(page));
        assertThat(joined).isEqualTo("by the other editor 2 @4");
    }

    @Test
    void concurrentSavesFromTheSameBaseGiveOneSuccessAndConflictsForTheRest() throws Exception {
        UUID entity = UUID.randomUUID();
        save(entity, "beats", "v1", 0);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String content = "writer " + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    save(entity, "beats", content, 1);
                    return true;
                } catch (ProblemException e) {
                    assertThat(e.type()).isEqualTo(StudioProblems.EDIT_CONFLICT);
                    return false;
                }
            }));
        }
        start.countDown();
        int successes = 0;
        for (Future<Boolean> result : results) {
            successes += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(successes).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from studio_versions where entity_id = ?").param(entity).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(versions.current("test", entity, "beats").orElseThrow().number()).isEqualTo(2);
    }

    @Test
    void listsNewestFirstInPagesAndDiffsTwoVersionsWordByWord() {
        UUID entity = UUID.randomUUID();
        Version one = save(entity, "synopsis", "Kancil meets the crocodile", 0);
        save(entity, "synopsis", "Kancil meets the hungry crocodile", 1);
        Version three = save(entity, "synopsis", "Kancil tricks the hungry crocodile", 2);

        Page<Version> first = versions.list(owner, project, "test", entity, "synopsis", null, 2);
        assertThat(first.items()).extracting(Version::number).containsExactly(3, 2);
        assertThat(first.items()).allSatisfy(v -> assertThat(v.content()).isNull());
        Page<Version> rest = versions.list(owner, project, "test", entity, null, first.nextCursor(), 2);
        assertThat(rest.items()).extracting(Version::number).containsExactly(1);
        assertThat(rest.nextCursor()).isNull();

        Versions.VersionDiff diff = versions.diff(owner, project, one.id(), three.id());
        assertThat(diff.segments()).containsExactly(new WordDiff.Segment(WordDiff.Kind.EQUAL, "Kancil "),
                new WordDiff.Segment(WordDiff.Kind.DELETE, "meets"), new WordDiff.Segment(WordDiff.Kind.INSERT, "tricks"),
                new WordDiff.Segment(WordDiff.Kind.EQUAL, " the "), new WordDiff.Segment(WordDiff.Kind.INSERT, "hungry "),
                new WordDiff.Segment(WordDiff.Kind.EQUAL, "crocodile"));

        // A version of another project is not found through this one.
        StudioFixtures.Studio other = fixtures.studio("versions-other");
        ProjectId otherProject = ProjectId.of(UUID.fromString(fixtures.project(other.asOwner(), other.organizationId(), "Other", "team")));
        assertThat(catchThrowableOfType(ProblemException.class,
                () -> versions.get(UserId.of(UUID.fromString(other.owner().id())), otherProject, one.id())).type().slug())
                .isEqualTo("not-found");
        assertThat(catchThrowableOfType(ProblemException.class, () -> versions.get(owner, otherProject, one.id())).type().slug())
                .isEqualTo("not-found");
    }

    private Version save(UUID entity, String section, String content, int base) {
        return transactions.execute(status -> versions.save(project, "test", entity, section, content, base, owner));
    }
}
