package id.modo.verse.common;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Folders and files that only the app's own OS user may open: folders {@code rwx------} (0700),
 * files {@code rw-------} (0600), on file systems with POSIX permissions (elsewhere, such as on
 * Windows, they are created as usual). Everything MODO writes under the data directory goes
 * through here. The folders matter most: files that other code creates with the process's umask
 * (the log files Logback rolls, the parts Tomcat receives) are out of other users' reach because
 * the folder around them is.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code folder} and its missing parents, each 0700; folders that already exist are left
     * as they are (see {@link #restrict(Path)}).
     */
    public static Path createDirectories(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return folder;
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path path = absolute; path != null && !Files.exists(path); path = path.getParent()) {
            missing.push(path);
        }
        boolean posix = posix(absolute);
        for (Path path : missing) {
            try {
                if (posix) {
                    Files.createDirectory(path, attribute(FOLDER));
                    // The umask only takes bits away, but set the mode exactly all the same.
                    Files.setPosixFilePermissions(path, FOLDER);
                } else {
                    Files.createDirectory(path);
                }
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(path)) {
                    throw raced;
                }
            }
        }
        return folder;
    }

    /** Makes an existing folder 0700 or file 0600 (a data directory or log file made by an older version). */
    public static void restrict(Path path) throws IOException {
        if (posix(path) && Files.exists(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
        }
    }

    /** An empty file, 0600, made with its parent folders; one that already exists is made 0600. */
    public static Path createFile(Path file) throws IOException {
        createDirectories(parent(file));
        try {
            if (posix(file)) {
                Files.createFile(file, attribute(FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            // restricted below
        }
        restrict(file);
        return file;
    }

    /** A new empty file in {@code folder} (created if missing), 0600, as {@link Files#createTempFile} makes on POSIX. */
    public static Path createTempFile(Path folder, String prefix, String suffix) throws IOException {
        createDirectories(folder);
        return posix(folder) ? Files.createTempFile(folder, prefix, suffix, attribute(FILE))
                : Files.createTempFile(folder, prefix, suffix);
    }

    /**
     * Writes {@code bytes} to {@code file}, 0600, replacing it if it exists: written to a new file
     * beside it and moved over it in one step, so a reader (or a crash) never sees half of it.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path temporary = writeTemporary(file, bytes);
        try {
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes {@code bytes} to {@code file}, 0600, unless it exists; answers whether this call wrote
     * it. Two processes racing both get {@code false} but one, and no one reads a half-written file:
     * the bytes are written to a new file and linked in under the name, which fails if it is taken.
     */
    public static boolean writeIfAbsent(Path file, byte[] bytes) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Path temporary = writeTemporary(file, bytes);
        try {
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException raced) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                try {
                    Files.move(temporary, file); // refuses an existing file, though not in one step with the check
                } catch (FileAlreadyExistsException raced) {
                    return false;
                }
            }
            return true;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path writeTemporary(Path file, byte[] bytes) throws IOException {
        Path temporary = createTempFile(parent(file), "." + file.getFileName(), ".tmp");
        try {
            Files.write(temporary, bytes);
            return temporary;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static Path parent(Path file) {
        return file.toAbsolutePath().getParent();
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
