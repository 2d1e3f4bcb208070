package org.masthead.newsroom.internal;

import org.masthead.accounts.Role;
import org.masthead.accounts.SignedIn;

/**
 * Someone working in the newsroom, as the workflow judges them: journalists file and edit their own
 * drafts; editors (and admins) may do anything to any article.
 */
public record Staff(long accountId, String name, boolean editor) {

    /** Admins have an editor's powers in the newsroom. */
    public static Staff of(SignedIn signedIn) {
        boolean editor =
                signedIn.roles().contains(Role.EDITOR) || signedIn.roles().contains(Role.ADMIN);
        return new Staff(signedIn.accountId(), signedIn.displayName(), editor);
    }
}
