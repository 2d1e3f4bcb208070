package org.masthead.platform.internal;

import java.nio.file.Path;

/** Another running node already uses this data directory and its embedded PostgreSQL. */
final class DataDirectoryInUseException extends IllegalStateException {

    private final Path dataDir;

    DataDirectoryInUseException(Path dataDir, String holderPid) {
        super("The data directory " + dataDir + " is in use by another running Masthead"
                + (holderPid.isEmpty() ? "" : " (process " + holderPid + ")"));
        this.dataDir = dataDir;
    }

    Path dataDir() {
        return dataDir;
    }
}
