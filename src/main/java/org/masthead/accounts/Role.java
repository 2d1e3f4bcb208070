package org.masthead.accounts;

import java.util.Collection;
import java.util.stream.Collectors;

/** What an account may do. Every account is a reader; the others are staff roles granted by an admin. */
public enum Role {
    READER("Reader"),
    JOURNALIST("Journalist"),
    EDITOR("Editor"),
    MODERATOR("Moderator"),
    ADMIN("Admin");

    private final String displayName;

    Role(String displayName) {
        this.displayName = displayName;
    }

    public boolean isStaff() {
        return this != READER;
    }

    /** The authority Spring Security checks with {@code hasRole}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * The role as people read it, on every page, message and mail; {@link #name()} is for storage and
     * forms only.
     */
    public String displayName() {
        return displayName;
    }

    /**
     * An account's roles as people read them: its staff roles in this enum's order, or "Reader" when it
     * has none (every account is a reader, so naming it beside a staff role says nothing).
     */
    public static String describe(Collection<Role> roles) {
        String staff = roles.stream()
                .filter(Role::isStaff)
                .sorted()
                .map(Role::displayName)
                .collect(Collectors.joining(", "));
        return staff.isEmpty() ? READER.displayName() : staff;
    }
}
