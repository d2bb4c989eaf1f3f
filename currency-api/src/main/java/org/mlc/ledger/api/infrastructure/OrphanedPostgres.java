package org.mlc.ledger.api.infrastructure;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on the embedded data directory by a process that died
 * without stopping it (kill -9, the OOM killer): zonky starts the server through {@code pg_ctl},
 * so it is no child of the JVM and outlives it. A new server cannot start on that directory while
 * it runs. Called with the {@link DataDirectoryLock} held, so no live MLC Ledger process owns it:
 * once it is sure the process named by {@code postmaster.pid} is a PostgreSQL server on this very
 * directory, it stops it. Every committed transaction is kept: the server's own shutdown writes
 * them out, or, had it to be killed, its crash recovery replays them from the write-ahead log.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

    /** zonky's own lock in the PostgreSQL directory, held by whichever process started the server through it. */
    static final String ZONKY_LOCK = "epg-lock";

    private static final Duration SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    // A probe of a lock this JVM holds must not close its channel: closing any descriptor of a file
    // drops every POSIX lock the process has on it, the other channel's included.
    private static final List<FileChannel> KEPT_OPEN = new CopyOnWriteArrayList<>();

    private OrphanedPostgres() {
    }

    /** Stops the server {@code postgres/postmaster.pid} names if it is one left on this directory. */
    static void stopIfAny(Path postgresDirectory) {
        Optional<Long> named = pidInLockFile(postgresDirectory);
        if (named.isEmpty()) {
            return;
        }
        long pid = named.get();
        Optional<ProcessHandle> found = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (found.isEmpty()) {
            // a stale file of a server that died with its JVM: PostgreSQL itself starts over it
            return;
        }
        ProcessHandle process = found.get();
        switch (identify(process, postgresDirectory)) {
            case OTHER -> {
                // The number was given again to an unrelated process (a container restarted): PostgreSQL
                // would take it for a running server and refuse to start.
                log.warn("postmaster.pid in {} names process {}, which is not a PostgreSQL server of this directory: "
                        + "removing the stale file", postgresDirectory, pid);
                deleteLockFile(postgresDirectory);
                return;
            }
            case UNKNOWN -> throw new DatabaseUnavailableException("A process (pid " + pid + ") named by "
                    + postgresDirectory.resolve("postmaster.pid") + " is alive, and whether it is a PostgreSQL server "
                    + "on this directory cannot be checked. Stop it if it is one, or remove that file if it is not.");
            case THIS_DIRECTORY -> {
                // next
            }
        }
        if (startedByLiveProcess(postgresDirectory)) {
            throw new DatabaseUnavailableException("The embedded PostgreSQL in " + postgresDirectory + " is in use by "
                    + "another process, most likely currency-api (PostgreSQL allows one server per data directory). "
                    + "Stop the application first, or run against its database server with SPRING_DATASOURCE_URL.");
        }
        log.warn("A PostgreSQL server (pid {}) left running on {} by a process that died without stopping it "
                + "(kill -9?) is being stopped before this start; every committed transaction is kept",
                pid, postgresDirectory);
        stop(process, postgresDirectory);
    }

    private enum Identity { THIS_DIRECTORY, OTHER, UNKNOWN }

    private static Identity identify(ProcessHandle process, Path postgresDirectory) {
        Path directory;
        try {
            directory = postgresDirectory.toRealPath();
        } catch (IOException e) {
            return Identity.UNKNOWN;
        }
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        if (Files.isDirectory(proc)) {
            // PostgreSQL changes to its data directory and stays there: that, and its program name.
            try {
                String[] arguments = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                        .split("\0");
                if (arguments.length == 0 || !Path.of(arguments[0]).getFileName().toString().equals("postgres")) {
                    return Identity.OTHER;
                }
                return proc.resolve("cwd").toRealPath().equals(directory) ? Identity.THIS_DIRECTORY : Identity.OTHER;
            } catch (NoSuchFileException e) {
                return Identity.OTHER;
            } catch (IOException | RuntimeException e) {
                return Identity.UNKNOWN;
            }
        }
        // without /proc (macOS): the command line, if the system tells it
        Optional<String> commandLine = process.info().commandLine();
        if (commandLine.isEmpty()) {
            return Identity.UNKNOWN;
        }
        String line = commandLine.get();
        if (!line.contains("postgres")) {
            return Identity.OTHER;
        }
        return line.contains("-D " + directory) || line.contains("-D " + postgresDirectory)
                ? Identity.THIS_DIRECTORY : Identity.OTHER;
    }

    /**
     * Whether zonky's lock in the directory is held by a live process: a server started by a version
     * without {@link DataDirectoryLock}, or by a test that starts zonky on it directly, is not an orphan.
     */
    private static boolean startedByLiveProcess(Path postgresDirectory) {
        Path file = postgresDirectory.resolve(ZONKY_LOCK);
        if (!Files.exists(file)) {
            return false;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return false;
        }
        try {
            FileLock probe = channel.tryLock();
            if (probe != null) {
                probe.release();
            }
            channel.close();
            return probe == null;
        } catch (OverlappingFileLockException e) {
            // this JVM started that server
            KEPT_OPEN.add(channel);
            return true;
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
            return false;
        }
    }

    private static void stop(ProcessHandle postmaster, Path postgresDirectory) {
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(postmaster);
        // its children hold the shared memory a new server checks; they must be gone as well
        postmaster.descendants().forEach(processes::add);
        // SIGTERM: PostgreSQL's smart shutdown, which ends at once without clients (theirs died with their JVM)
        postmaster.destroy();
        if (!awaitGone(processes, SHUTDOWN)) {
            log.warn("The PostgreSQL server (pid {}) on {} did not stop within {} s: killing it", postmaster.pid(),
                    postgresDirectory, SHUTDOWN.toSeconds());
            processes.forEach(ProcessHandle::destroyForcibly);
            if (!awaitGone(processes, AFTER_KILL)) {
                throw new DatabaseUnavailableException("Could not stop the PostgreSQL server (pid " + postmaster.pid()
                        + ") left running on " + postgresDirectory + ": stop it by hand, then start again.");
            }
        }
    }

    private static boolean awaitGone(List<ProcessHandle> processes, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static Optional<Long> pidInLockFile(Path postgresDirectory) {
        try {
            List<String> lines = Files.readAllLines(postgresDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            // unreadable or half-written: PostgreSQL decides what it makes of it
            return Optional.empty();
        }
    }

    private static void deleteLockFile(Path postgresDirectory) {
        try {
            Files.deleteIfExists(postgresDirectory.resolve("postmaster.pid"));
        } catch (IOException e) {
            throw new DatabaseUnavailableException("Could not remove the stale " + postgresDirectory
                    .resolve("postmaster.pid") + ": " + e, e);
        }
    }
}
