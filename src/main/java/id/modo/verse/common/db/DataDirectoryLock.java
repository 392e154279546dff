package id.modo.verse.common.db;

import id.modo.verse.common.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on the data directory, held for the life of the app, so that a second
 * app pointed at the same directory stops with a clear message instead of starting a second
 * PostgreSQL on the same files.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) {
        Path lockFile = dataDir.resolve("modo.lock");
        try {
            // Owner-only, also when an earlier version made it readable by everyone (see PrivateDataDirectory).
            PrivateFiles.createDirectories(dataDir);
            PrivateFiles.restrict(dataDir);
            FileChannel channel = FileChannel.open(PrivateFiles.createFile(lockFile), StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(dataDir);
            }
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot lock the data directory " + dataDir.toAbsolutePath()
                    + " (modo.data-dir / MODO_DATA_DIR): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
