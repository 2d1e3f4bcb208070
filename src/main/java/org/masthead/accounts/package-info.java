/**
 * Reader and staff accounts: registration, signing in, verification, profiles and roles.
 * Other modules learn who is signed in from {@link org.masthead.accounts.SignedIn} and ask
 * {@link org.masthead.accounts.Accounts} about anyone else.
 */
@NullMarked
package org.masthead.accounts;

import org.jspecify.annotations.NullMarked;
