package org.masthead.platform;

import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.masthead.platform.internal.EmbeddedBackup;

/**
 * {@code java -jar masthead.jar backup FILE} and {@code restore FILE}, for the embedded default; the data
 * directory is {@code --masthead.data-dir=DIR} as for the app, {@code ./data} without it. See docs/backups.md.
 */
public final class BackupCommand {

    private static final String DATA_DIR = "--masthead.data-dir=";

    private BackupCommand() {}

    /** Whether these arguments ask for a backup or a restore rather than the app. */
    public static boolean isAskedFor(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command and returns the process's exit status, saying what happened on the way. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words =
                Arrays.stream(args).filter(arg -> !arg.startsWith(DATA_DIR)).toList();
        Path dataDir = Arrays.stream(args)
                .filter(arg -> arg.startsWith(DATA_DIR))
                .map(arg -> Path.of(arg.substring(DATA_DIR.length())))
                .reduce((first, second) -> second)
                .orElse(Path.of("data"));
        if (words.size() != 2) {
            err.println("Usage: java -jar masthead.jar backup|restore FILE [--masthead.data-dir=DIR]");
            return 2;
        }
        Path file = Path.of(words.get(1));
        try {
            if (words.getFirst().equals("backup")) {
                EmbeddedBackup.Made made = EmbeddedBackup.backup(dataDir, file);
                out.printf(
                        "Backed up %s (%s) to %s: %,d files, %,d bytes%n",
                        dataDir.toAbsolutePath(),
                        made.online() ? "while it ran" : "stopped",
                        made.file().toAbsolutePath(),
                        made.files(),
                        made.bytes());
            } else {
                long files = EmbeddedBackup.restore(file, dataDir);
                out.printf(
                        "Restored %,d files into %s; start Masthead with --masthead.data-dir=%s%n",
                        files, dataDir.toAbsolutePath(), dataDir);
            }
            return 0;
        } catch (Exception e) {
            err.println(words.getFirst() + " failed: " + reason(e));
            return 1;
        }
    }

    /**
     * What went wrong, for someone reading a cron mail: the JDK's file errors carry only the path unless
     * given a reason, so their kind is said in words.
     */
    static String reason(Exception e) {
        if (e instanceof FileSystemException failure) {
            String why = failure.getReason() != null ? failure.getReason() : kind(failure);
            String other = failure.getOtherFile() == null ? "" : " -> " + failure.getOtherFile();
            return failure.getFile() + other + ": " + why;
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static String kind(FileSystemException failure) {
        if (failure instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (failure instanceof AccessDeniedException) {
            return "permission denied";
        } else if (failure instanceof NotDirectoryException) {
            return "not a directory";
        } else if (failure instanceof FileAlreadyExistsException) {
            return "already exists";
        } else if (failure instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        return failure.getClass().getSimpleName();
    }
}
