package id.modo.verse.studio;

import id.modo.verse.media.S3MockServer;
import id.modo.verse.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Studio journeys of {@link StudioBrowserTests} again with every file in S3 (a real S3 API server): the story,
 * versions and public bible, and the demo bible whose pictures an anonymous visitor loads from the bucket.
 */
@IntegrationTest
class StudioS3BrowserTests extends StudioBrowserTests {

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        S3MockServer.useFor(registry);
    }

    @Test
    void theFilesOfTheseJourneysGoToS3() {
        assertThat(environment.getProperty("modo.media.storage")).isEqualTo("s3");
    }
}
