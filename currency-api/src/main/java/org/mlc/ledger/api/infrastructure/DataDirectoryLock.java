package org.mlc.ledger.api.infrastructure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one process that may use an embedded database: an exclusive OS lock on
 * {@value #FILE_NAME} in {@code MLC_DATA_DIR}, held for the life of the process (currency-api or
 * currency-ops). The kernel releases it when the process ends, however it ends (SIGKILL, the OOM
 * killer), so a lock that is free means no live MLC Ledger process uses the directory, and a
 * PostgreSQL server still running on it was left by a dead one ({@link OrphanedPostgres}).
 */
public final class DataDirectoryLock implements AutoCloseable {

    public static final String FILE_NAME = "mlc-ledger.lock";

    // POSIX locks belong to the process: a second channel of this JVM would "get" the lock, and
    // closing it would drop the first one's. Directories locked here are remembered instead.
    private static final Set<Path> HELD_BY_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dataDirectory} (created if need be), or refuses if another process holds it. */
    public static DataDirectoryLock acquire(Path dataDirectory) {
        Path directory;
        try {
            Files.createDirectories(dataDirectory);
            directory = dataDirectory.toRealPath();
        } catch (IOException e) {
            throw new DatabaseUnavailableException("Cannot use the data directory " + dataDirectory + ": " + e, e);
        }
        if (!HELD_BY_THIS_PROCESS.add(directory)) {
            throw heldBy(directory, ProcessHandle.current().pid());
        }
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                Long holder = holderOf(channel);
                channel.close();
                throw heldBy(directory, holder);
            }
            // for the message of the next process that finds it locked
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirectoryLock(directory, channel, lock);
        } catch (IOException | OverlappingFileLockException e) {
            HELD_BY_THIS_PROCESS.remove(directory);
            closeQuietly(channel);
            throw new DatabaseUnavailableException("Cannot lock the data directory " + directory + " (" + file
                    + "): " + e, e);
        } catch (DatabaseUnavailableException e) {
            HELD_BY_THIS_PROCESS.remove(directory);
            throw e;
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
        HELD_BY_THIS_PROCESS.remove(directory);
    }

    private static DatabaseUnavailableException heldBy(Path directory, Long pid) {
        return new DatabaseUnavailableException("Another MLC Ledger process" + (pid == null ? "" : " (pid " + pid + ")")
                + " uses the data directory " + directory + ": currency-api, or currency-ops, which needs the "
                + "application stopped (one process at a time on an embedded database). Stop it first, or run against "
                + "a database server with SPRING_DATASOURCE_URL.");
    }

    private static Long holderOf(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? null : Long.valueOf(text);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
