package id.modo.verse.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where asset bytes live, by key ({@code <organization>/<asset>/<variant>}). The database row is the
 * truth about an asset; the store only holds bytes.
 */
interface FileStorage {

    /** Stores {@code file} under {@code key}, taking it over: the file is moved or deleted afterwards. */
    void put(String key, Path file, String contentType) throws IOException;

    /**
     * Reads {@code length} bytes from {@code offset} ({@code length} &lt; 0: to the end). The caller
     * closes the stream.
     */
    InputStream open(String key, long offset, long length) throws IOException;

    /** The stored size, or -1 if there is no such key. */
    long size(String key) throws IOException;

    /** Removes the key; a missing key is not an error. */
    void delete(String key) throws IOException;

    /** Checks that a key is one this module makes, so no key ever escapes its folder or bucket prefix. */
    static String checkKey(String key) {
        if (key == null || !key.matches("[0-9a-f-]{36}/[0-9a-f-]{36}/[a-z]{1,20}")) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return key;
    }
}
