package org.masthead.newsroom.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.PublicReader;
import org.springframework.stereotype.Component;

/** The names of the people behind revisions and the audit log, looked up when shown, never copied. */
@Component
public class StaffNames {

    /** For work done by no account: the demo loader, or copy imported by other means. */
    public static final String NOBODY = "the system";

    private final Accounts accounts;

    StaffNames(Accounts accounts) {
        this.accounts = accounts;
    }

    public Map<Long, String> of(Collection<@Nullable Long> accountIds) {
        Map<Long, String> names = new HashMap<>();
        accounts.publicReaders(accountIds.stream().filter(Objects::nonNull).toList())
                .forEach((id, reader) -> names.put(id, nameOf(reader)));
        return names;
    }

    public String of(@Nullable Long accountId) {
        return accountId == null ? NOBODY : of(java.util.List.of(accountId)).getOrDefault(accountId, NOBODY);
    }

    private static String nameOf(PublicReader reader) {
        return reader.displayName();
    }
}
