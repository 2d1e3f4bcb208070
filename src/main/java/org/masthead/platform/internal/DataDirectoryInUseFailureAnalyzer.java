package org.masthead.platform.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells whoever started a second node on a taken data directory what to do, instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ". Its embedded PostgreSQL belongs to that node and was left running.",
                "Stop the other Masthead first, or give this one its own directory with --masthead.data-dir=..."
                        + " (a second node of the same site shares the first one's database through"
                        + " --masthead.db.url, see docs/scaling.md).",
                cause);
    }
}
