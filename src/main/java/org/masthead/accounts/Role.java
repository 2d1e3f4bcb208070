package org.masthead.accounts;

/** What an account may do. Every account is a reader; the others are staff roles granted by an admin. */
public enum Role {
    READER,
    JOURNALIST,
    EDITOR,
    MODERATOR,
    ADMIN;

    public boolean isStaff() {
        return this != READER;
    }

    /** The authority Spring Security checks with {@code hasRole}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
