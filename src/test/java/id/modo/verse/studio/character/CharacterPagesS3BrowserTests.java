package id.modo.verse.studio.character;

import id.modo.verse.media.S3MockServer;
import id.modo.verse.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The characters and universe journey of {@link CharacterPagesBrowserTests} with the pictures stored in S3. */
@IntegrationTest
class CharacterPagesS3BrowserTests extends CharacterPagesBrowserTests {

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
