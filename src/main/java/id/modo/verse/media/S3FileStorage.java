package id.modo.verse.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Objects in an S3-compatible bucket (AWS, MinIO, Ceph, R2...), keyed as the local store's files. */
final class S3FileStorage implements FileStorage {

    private final S3Client s3;
    private final String bucket;

    S3FileStorage(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        try {
            // From the file, so the SDK knows the length and streams it (and retries it) without buffering.
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(FileStorage.checkKey(key)).contentType(contentType).build(),
                    RequestBody.fromFile(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(FileStorage.checkKey(key));
        if (offset > 0 || length >= 0) {
            request.range("bytes=" + offset + "-" + (length < 0 ? "" : String.valueOf(offset + length - 1)));
        }
        try {
            return s3.getObject(request.build());
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(key);
        }
    }

    @Override
    public long size(String key) {
        try {
            return s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(FileStorage.checkKey(key)).build()).contentLength();
        } catch (NoSuchKeyException e) {
            return -1;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return -1;
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(FileStorage.checkKey(key)));
    }
}
