/**
 * Media: uploaded files (assets) behind a storage port (local folder or S3-compatible bucket). Owns assets.
 * {@link id.modo.verse.media.Assets} is the facade other modules use: upload (type from the content,
 * images re-encoded without metadata, thumbnails, the organization's storage quota), list, get, delete,
 * signed URLs and a project's purge. {@link id.modo.verse.media.Ffmpeg} runs ffmpeg and ffprobe for every
 * module that makes or reads video and sound. Its tables are created by the migrations in {@code db/migration/media}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "identity", "organization"})
package id.modo.verse.media;
