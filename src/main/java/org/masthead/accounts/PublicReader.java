package org.masthead.accounts;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A reader as other readers see them next to what they wrote: name, picture and roles, never the
 * address. A deleted account is called {@link AccountDeleted#SHOWN_AS}, with no picture and no
 * profile.
 */
public record PublicReader(
        long id, String displayName, @Nullable Long avatarVersion, Set<Role> roles, boolean deleted) {

    /** The address of the reader's public profile, or null for a deleted account. */
    public @Nullable String profilePath() {
        return deleted ? null : ProfileSection.profilePath(displayName);
    }

    /** The address of one size (64, 128 or 256 pixels) of the reader's picture, or null when there is none. */
    public @Nullable String avatar(int size) {
        return avatarVersion == null || deleted ? null : "/avatar/" + id + "/" + size + ".jpg?v=" + avatarVersion;
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }
}
