package id.modo.verse.media;

import org.junit.jupiter.api.BeforeAll;

/** The same contract against a real S3 API server (S3Mock), through the AWS SDK v2 with path-style access. */
class S3FileStorageTests extends FileStorageContract {

    private static FileStorage storage;

    @BeforeAll
    static void server() {
        S3MockServer server = S3MockServer.get();
        storage = new S3FileStorage(MediaConfiguration.s3Client(server.settings()), S3MockServer.BUCKET);
    }

    @Override
    FileStorage storage() {
        return storage;
    }
}
