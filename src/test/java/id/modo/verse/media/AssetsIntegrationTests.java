package id.modo.verse.media;

import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The facade Studio builds on, against the real database and the local store. */
@IntegrationTest
class AssetsIntegrationTests {

    @Autowired
    Assets assets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FileStorage storage;

    UserId owner;
    OrganizationId org;

    @BeforeEach
    void organization() {
        owner = UserId.of(MediaFixtures.user(jdbc, "media-owner"));
        org = OrganizationId.of(MediaFixtures.organization(jdbc, owner.value(), "owner", 10_000_000));
    }

    @Test
    void anImageIsReEncodedWithoutExifGetsAThumbnailAndCountsAgainstTheQuota() throws Exception {
        byte[] photo = MediaTestFiles.jpegWithExif(640, 480, "SECRET-CAMERA-SERIAL-42");
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("SECRET-CAMERA-SERIAL-42");

        AssetView view = assets.upload(owner, org, null, "character", "holiday.JPG", new ByteArrayInputStream(photo));

        assertThat(view.type()).isEqualTo(AssetType.IMAGE);
        assertThat(view.mimeType()).isEqualTo("image/jpeg");
        assertThat(view.hasThumbnail()).isTrue();
        assertThat(view.width()).isEqualTo(640);
        assertThat(view.height()).isEqualTo(480);
        assertThat(view.category()).isEqualTo("character");
        assertThat(view.url().toString()).contains("/media/" + view.id().value()).contains("signature=");
        String key = org.value() + "/" + view.id().value() + "/original";
        byte[] stored;
        try (InputStream in = storage.open(key, 0, -1)) {
            stored = in.readAllBytes();
        }
        assertThat(stored.length).isEqualTo(view.sizeBytes());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("SECRET-CAMERA-SERIAL-42").doesNotContain("Exif");
        assertThat(storage.size(org.value() + "/" + view.id().value() + "/thumbnail")).isPositive();
        assertThat(used()).isEqualTo(view.sizeBytes());

        assets.delete(owner, view.id());
        assertThat(used()).isZero();
        assertThat(storage.size(key)).isEqualTo(-1);
        assertThatThrownBy(() -> assets.get(owner, view.id())).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type().status().value()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select action from audit_logs where entity_type = 'asset' and entity_id = ? and organization_id = ? order by created_at")
                .params(view.id().value(), org.value()).query(String.class).list()).containsExactly("upload", "delete"));
    }

    @Test
    void theTypeComesFromTheContentNotTheName() {
        AssertProblem.status(() -> assets.upload(owner, org, null, null, "innocent.png", new ByteArrayInputStream(MediaTestFiles.html())),
                415);
        AssetView pdf = assets.upload(owner, org, null, null, "notes.mp3", new ByteArrayInputStream(MediaTestFiles.pdf()));
        assertThat(pdf.type()).isEqualTo(AssetType.DOCUMENT);
        assertThat(pdf.mimeType()).isEqualTo("application/pdf");
        assertThat(pdf.hasThumbnail()).isFalse();
    }

    @Test
    void aFileOverWhatIsLeftIsRefusedWith413SayingHowMuchIsLeft() {
        jdbc.sql("update organizations set storage_limit_bytes = 1000 where id = ?").param(org.value()).update();
        ProblemException problem = AssertProblem.status(() -> assets.upload(owner, org, null, null, "big.pdf",
                new ByteArrayInputStream(new byte[5000])), 413);
        assertThat(problem.getMessage()).contains("1000 bytes are left of 1000");
        assertThat(problem.properties()).containsEntry("remaining_bytes", 1000L);
        assertThat(used()).isZero();
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() {
        ProblemException problem = AssertProblem.status(() -> assets.upload(owner, org, null, null, "bomb.png",
                new ByteArrayInputStream(MediaTestFiles.pngBomb())), 413);
        assertThat(problem.getMessage()).contains("60000 x 60000");
        assertThat(used()).isZero();
    }

    @Test
    void viewersMayReadButNotUploadAndOutsidersSeeNothing() {
        UserId viewer = UserId.of(MediaFixtures.user(jdbc, "media-viewer"));
        MediaFixtures.member(jdbc, org.value(), viewer.value(), "viewer");
        UserId outsider = UserId.of(MediaFixtures.user(jdbc, "media-outsider"));
        AssetView pdf = assets.upload(owner, org, null, null, "a.pdf", new ByteArrayInputStream(MediaTestFiles.pdf()));

        assertThat(assets.get(viewer, pdf.id()).id()).isEqualTo(pdf.id());
        AssertProblem.status(() -> assets.upload(viewer, org, null, null, "b.pdf", new ByteArrayInputStream(MediaTestFiles.pdf())), 403);
        AssertProblem.status(() -> assets.delete(viewer, pdf.id()), 403);
        AssertProblem.status(() -> assets.get(outsider, pdf.id()), 404);
        AssertProblem.status(() -> assets.delete(outsider, pdf.id()), 404);
        AssertProblem.status(() -> assets.page(outsider, org, null, null, null, 20), 404);
    }

    @Test
    void pagesAreNewestFirstWithACursor() {
        for (int i = 0; i < 5; i++) {
            assets.upload(owner, org, null, null, "doc" + i + ".pdf", new ByteArrayInputStream(MediaTestFiles.pdf()));
        }
        Page<AssetView> first = assets.page(owner, org, null, null, null, 3);
        assertThat(first.items()).hasSize(3);
        assertThat(first.nextCursor()).isNotNull();
        Page<AssetView> second = assets.page(owner, org, null, null, first.nextCursor(), 3);
        assertThat(second.items()).hasSize(2);
        assertThat(second.nextCursor()).isNull();
        assertThat(first.items().getFirst().originalName()).isEqualTo("doc4.pdf");
        assertThat(second.items().getLast().originalName()).isEqualTo("doc0.pdf");
        assertThat(assets.page(owner, org, null, AssetType.IMAGE, null, 10).items()).isEmpty();
    }

    @Test
    void deleteProjectFilesRemovesOnlyThatProjectsFilesAndGivesTheirBytesBack() {
        UUID project = MediaFixtures.project(jdbc, org.value(), owner.value());
        AssetView inProject = assets.upload(owner, org, project, null, "p.pdf", new ByteArrayInputStream(MediaTestFiles.pdf()));
        AssetView elsewhere = assets.upload(owner, org, null, null, "o.pdf", new ByteArrayInputStream(MediaTestFiles.pdf()));

        assets.deleteProjectFiles(org, project);

        assertThat(assets.find(org, inProject.id())).isEmpty();
        assertThat(assets.find(org, elsewhere.id())).isPresent();
        assertThat(used()).isEqualTo(elsewhere.sizeBytes());
    }

    @Test
    void signedUrlsAreShortLived() {
        AssetView pdf = assets.upload(owner, org, null, null, "a.pdf", new ByteArrayInputStream(MediaTestFiles.pdf()));
        var url = assets.signedUrl(pdf.id(), Duration.ofMinutes(5));
        assertThat(url.getRawQuery()).startsWith("expires=").contains("&signature=");
        AssertProblem.status(() -> assets.signedUrl(pdf.id(), Duration.ofDays(30)), 400);
    }

    private long used() {
        return jdbc.sql("select storage_used_bytes from organizations where id = ?").param(org.value()).query(Long.class).single();
    }
}
