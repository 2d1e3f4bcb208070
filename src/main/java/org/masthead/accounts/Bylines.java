package org.masthead.accounts;

/**
 * The names that stand on the paper's articles. A reader may not take one as their display name, so
 * that nobody commenting passes for one of the paper's writers. Staff accounts may take any of them, so
 * that a journalist comments under their byline: authors are not linked to accounts, so which byline is
 * a staff member's own is not known, and staff are trusted with it. The newsroom, which keeps the authors, declares the bean; with none
 * (a test of this module alone) no name is a byline.
 */
public interface Bylines {

    String TAKEN = "That is the byline of one of our writers. Choose another name.";

    /** Whether an author is known by this name, whatever its letter case. */
    boolean isByline(String name);
}
