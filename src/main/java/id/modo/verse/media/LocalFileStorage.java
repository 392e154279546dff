package id.modo.verse.media;

import id.modo.verse.common.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files in a folder of the data directory, one sub-folder per organization and asset; folders 0700
 * and files 0600, so only the app's own OS user can read them.
 */
final class LocalFileStorage implements FileStorage {

    private final Path root;

    LocalFileStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        Path target = resolve(key);
        PrivateFiles.createDirectories(target.getParent());
        try {
            // Incoming files wait on the same disk, so storing is a rename, not a second copy.
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
        // A rename keeps the mode, and Tomcat's parts and the re-encoded images were made with the umask's.
        PrivateFiles.restrict(target);
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
        try {
            channel.position(offset);
            InputStream in = Channels.newInputStream(channel);
            return length < 0 ? in : new BoundedInputStream(in, length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long size(String key) throws IOException {
        try {
            return Files.size(resolve(key));
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = resolve(key);
        Files.deleteIfExists(file);
        // Tidy the asset's folder once its last variant is gone; another variant still there keeps it.
        try {
            Files.deleteIfExists(file.getParent());
        } catch (java.nio.file.DirectoryNotEmptyException stillUsed) {
            // expected while the other variant exists
        }
    }

    @Override
    public void deleteOrganization(java.util.UUID organization) throws IOException {
        Path folder = root.resolve(organization.toString());
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            // Deepest first, so each folder is empty when its turn comes.
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(FileStorage.checkKey(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Key outside the store: " + key);
        }
        return path;
    }
}
