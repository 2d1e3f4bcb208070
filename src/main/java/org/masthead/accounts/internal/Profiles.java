package org.masthead.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Bylines;
import org.masthead.accounts.ProfileChanged;
import org.masthead.accounts.ProfileSection;
import org.masthead.accounts.Role;
import org.masthead.accounts.internal.AccountRepository.AccountRow;
import org.masthead.accounts.internal.ProfileRepository.AvatarImage;
import org.masthead.accounts.internal.ProfileRepository.AvatarVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Readers' profiles: what they show of themselves to others, and change themselves. */
@Service
public class Profiles {

    public static final int BIO_MAX_LENGTH = 500;

    /**
     * What a reader asks to change on their profile page, all in one form.
     *
     * @param picture a new picture as uploaded, or null to keep the one they have
     * @param removePicture whether to take their picture away (a new picture comes first)
     */
    public record ProfileChange(
            String displayName,
            String bio,
            boolean marketingConsent,
            byte @Nullable [] picture,
            boolean removePicture) {}

    /** A reader's profile as they themselves see it, with their marketing choice. */
    public record OwnProfile(
            long accountId,
            String displayName,
            String bio,
            boolean marketingConsent,
            @Nullable Instant marketingConsentAt,
            @Nullable Long avatarVersion) {

        /** The address of one size of the reader's picture, or null when they have none. */
        public @Nullable String avatar(int size) {
            return avatarVersion == null ? null : avatarPath(accountId, size, avatarVersion);
        }
    }

    /** What anyone may see of a reader: never the address or anything else private. */
    public record PublicProfile(
            long accountId,
            String displayName,
            String bio,
            Instant memberSince,
            @Nullable Long avatarVersion,
            Instant updatedAt) {

        /** The address of one size of the reader's picture, or null when they have none. */
        public @Nullable String avatar(int size) {
            return avatarVersion == null ? null : avatarPath(accountId, size, avatarVersion);
        }
    }

    private final AccountRepository accounts;
    private final ProfileRepository profiles;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ObjectProvider<Bylines> bylines;

    Profiles(
            AccountRepository accounts,
            ProfileRepository profiles,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock,
            ObjectProvider<Bylines> bylines) {
        this.bylines = bylines;
        this.accounts = accounts;
        this.profiles = profiles;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Whether taking this name would let a reader pass for one of the paper's writers: it is a byline, and
     * the account is neither staff (who may take any writer's name, as authors are not linked to accounts)
     * nor already known by it.
     */
    private boolean passesForAWriter(long accountId, String displayName) {
        if (bylines.stream().noneMatch(known -> known.isByline(displayName))) {
            return false;
        }
        return accounts.byId(accountId)
                .map(account -> !account.displayName().equalsIgnoreCase(displayName)
                        && account.roles().equals(Set.of(Role.READER)))
                .orElse(true);
    }

    /** The address of the public profile of the reader with this name. */
    public static String path(String displayName) {
        return ProfileSection.profilePath(displayName);
    }

    /**
     * The address of one size of a picture. It names the version, so a new picture has a new address
     * and the old one may be cached for good.
     */
    public static String avatarPath(long accountId, int size, long version) {
        return "/avatar/" + accountId + "/" + size + ".jpg?v=" + version;
    }

    /** The surrogate key of every page that shows this account's name, bio or picture. */
    public static String surrogateKey(long accountId) {
        return ProfileSection.surrogateKey(accountId);
    }

    @Transactional(readOnly = true)
    public OwnProfile own(long accountId) {
        AccountRow account = accounts.byId(accountId).orElseThrow();
        return new OwnProfile(
                accountId,
                account.displayName(),
                account.bio(),
                account.marketingConsent(),
                account.marketingConsentAt(),
                profiles.avatarVersion(accountId).map(AvatarVersion::version).orElse(null));
    }

    /**
     * Saves the reader's name, bio, marketing choice and picture together: all of it, or, when any part
     * is not acceptable, none of it.
     *
     * @return the display name as stored
     * @throws ProfileRejectedException when the name, bio or picture is not acceptable ({@code avatar}
     *     names the picture)
     */
    public String update(long accountId, ProfileChange change) {
        String displayName = DisplayNames.normalise(change.displayName());
        String bio = normaliseBio(change.bio());
        Map<String, String> problems = new LinkedHashMap<>();
        DisplayNames.problemWith(displayName).ifPresent(problem -> problems.put("displayName", problem));
        if (!problems.containsKey("displayName") && profiles.displayNameTakenByAnother(displayName, accountId)) {
            problems.put("displayName", "That name is taken. Choose another.");
        }
        if (!problems.containsKey("displayName") && passesForAWriter(accountId, displayName)) {
            problems.put("displayName", Bylines.TAKEN);
        }
        if (bio.codePointCount(0, bio.length()) > BIO_MAX_LENGTH) {
            problems.put("bio", "Keep your bio to " + BIO_MAX_LENGTH + " characters or fewer.");
        }
        Map<Integer, byte[]> picture = null;
        if (change.picture() != null) {
            try {
                // Decoding and encoding take a while: done before the transaction, not holding a connection.
                picture = renditions(change.picture());
            } catch (ImageRejectedException rejected) {
                problems.put("avatar", rejected.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ProfileRejectedException(problems);
        }
        Map<Integer, byte[]> newPicture = picture;
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            boolean changed;
            try {
                changed = profiles.updateProfile(accountId, displayName, bio, now);
            } catch (DuplicateKeyException raced) {
                // Someone took the name a moment ago.
                throw new ProfileRejectedException(Map.of("displayName", "That name is taken. Choose another."));
            }
            profiles.updateMarketingConsent(accountId, change.marketingConsent(), now);
            if (newPicture != null) {
                profiles.replaceAvatar(accountId, newPicture, now);
                changed = true;
            } else if (change.removePicture()) {
                changed |= profiles.removeAvatar(accountId, now);
            }
            if (changed) {
                events.publishEvent(new ProfileChanged(accountId));
            }
        });
        return displayName;
    }

    private static Map<Integer, byte[]> renditions(byte[] upload) {
        if (upload.length > AvatarImages.MAX_BYTES) {
            throw new ImageRejectedException(tooLarge());
        }
        return AvatarImages.render(upload);
    }

    /** The profile of the active account with this name, whatever its case. */
    @Transactional(readOnly = true)
    public Optional<PublicProfile> publicProfile(String displayName) {
        return accounts.byDisplayName(DisplayNames.normalise(displayName))
                .filter(AccountRow::active)
                .map(account -> new PublicProfile(
                        account.id(),
                        account.displayName(),
                        account.bio(),
                        account.createdAt(),
                        profiles.avatarVersion(account.id())
                                .map(AvatarVersion::version)
                                .orElse(null),
                        profiles.profileUpdatedAt(account.id())));
    }

    /** One size of an active account's picture. */
    @Transactional(readOnly = true)
    public Optional<AvatarImage> avatar(long accountId, int size) {
        return profiles.avatar(accountId, size);
    }

    /** What the reader is told when their file is over the limit. */
    public static String tooLarge() {
        return "That file is larger than " + AvatarImages.MAX_BYTES / (1024 * 1024)
                + " MB. Choose a smaller picture, or save it at a lower quality.";
    }

    /**
     * The bio as written, less what no one writes on purpose: surrounding space, Windows line endings,
     * and control characters (PostgreSQL refuses NUL in text outright).
     */
    static String normaliseBio(String bio) {
        return bio.replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
    }
}
