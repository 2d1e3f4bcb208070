package org.masthead.accounts;

import java.util.Set;

/** An account as other modules may know it: never the address or anything secret. */
public record AccountSummary(long id, String displayName, boolean verified, Set<Role> roles, boolean active) {}
