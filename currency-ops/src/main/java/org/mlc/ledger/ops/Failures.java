package org.mlc.ledger.ops;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.mlc.ledger.api.infrastructure.DatabaseUnavailableException;
import org.springframework.dao.DataAccessException;

/**
 * What the operator reads when a command fails: one line saying what went wrong and what to do,
 * never a stack trace (which {@code --verbose} adds). Exception class names mean nothing to an
 * operator, so they are left out of the line.
 */
public final class Failures {

    private Failures() {
    }

    /** The one line for {@code failure}, without the command's name. */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException unavailable) {
                return unavailable.getMessage();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoSuchFileException missing) {
                return "cannot write " + missing.getFile() + ": no such directory";
            }
            if (t instanceof AccessDeniedException denied) {
                return "cannot write " + denied.getFile() + ": permission denied";
            }
            if (t instanceof FileSystemException file) {
                return "cannot write " + file.getFile() + ": " + (file.getReason() == null ? "file system error"
                        : file.getReason());
            }
            if (t instanceof FileNotFoundException missing) {
                // "/x/y.png (No such file or directory)", as java.io words it
                return "cannot write " + firstLine(missing.getMessage());
            }
            if (t instanceof SQLException sql) {
                return "the database answered: " + firstLine(sql.getMessage());
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure instanceof DataAccessException || failure instanceof UncheckedIOException
                ? root.getMessage() : failure.getMessage();
        return "failed: " + (message == null ? "unexpected error" : firstLine(message))
                + " (--verbose shows the details)";
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
