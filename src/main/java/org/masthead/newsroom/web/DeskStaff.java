package org.masthead.newsroom.web;

import org.masthead.accounts.Role;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.internal.Staff;

/** Who is working, as the workflow judges them: admins have an editor's powers in the newsroom. */
final class DeskStaff {

    private DeskStaff() {}

    static Staff of(SignedIn signedIn) {
        boolean editor =
                signedIn.roles().contains(Role.EDITOR) || signedIn.roles().contains(Role.ADMIN);
        return new Staff(signedIn.accountId(), signedIn.displayName(), editor);
    }
}
