package org.masthead.newsroom.web;

import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.internal.Staff;

/** Who is working, as the workflow judges them (see {@link Staff#of}). */
final class DeskStaff {

    private DeskStaff() {}

    static Staff of(SignedIn signedIn) {
        return Staff.of(signedIn);
    }
}
