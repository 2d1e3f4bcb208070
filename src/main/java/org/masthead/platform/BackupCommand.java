package org.masthead.platform;

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
        List<String> words =
                Arrays.stream(args).filter(arg -> !arg.startsWith(DATA_DIR)).toList();
        Path dataDir = Arrays.stream(args)
                .filter(arg -> arg.startsWith(DATA_DIR))
                .map(arg -> Path.of(arg.substring(DATA_DIR.length())))
                .reduce((first, second) -> second)
                .orElse(Path.of("data"));
        if (words.size() != 2) {
            System.err.println("Usage: java -jar masthead.jar backup|restore FILE [--masthead.data-dir=DIR]");
            return 2;
        }
        Path file = Path.of(words.get(1));
        try {
            if (words.getFirst().equals("backup")) {
                EmbeddedBackup.Made made = EmbeddedBackup.backup(dataDir, file);
                System.out.printf(
                        "Backed up %s (%s) to %s: %,d files, %,d bytes%n",
                        dataDir.toAbsolutePath(),
                        made.online() ? "while it ran" : "stopped",
                        made.file().toAbsolutePath(),
                        made.files(),
                        made.bytes());
            } else {
                long files = EmbeddedBackup.restore(file, dataDir);
                System.out.printf(
                        "Restored %,d files into %s; start Masthead with --masthead.data-dir=%s%n",
                        files, dataDir.toAbsolutePath(), dataDir);
            }
            return 0;
        } catch (Exception e) {
            System.err.println(words.getFirst() + " failed: " + e.getMessage());
            return 1;
        }
    }
}
