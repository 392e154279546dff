/**
 * Media: uploaded files (assets) behind a storage port, and their renditions (HLS, thumbnails). Owns assets.
 * Its tables are created by the migrations in {@code db/migration/media}; its features come with their issues.
 */
package id.modo.verse.media;
