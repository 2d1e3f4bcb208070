package org.masthead.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.PersonalDataContributor;
import org.masthead.accounts.Role;
import org.masthead.accounts.internal.AccountRepository.AccountRow;
import org.masthead.platform.SiteProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything we hold about a reader, for their "download my data" file: this module's part, then
 * each other module's through {@link PersonalDataContributor}.
 */
@Service
public class PersonalDataExport {

    record AccountData(
            long id,
            String email,
            boolean emailConfirmed,
            @Nullable Instant emailConfirmedAt,
            String status,
            Instant createdAt,
            List<Role> roles,
            String password) {}

    record AvatarData(boolean present, @Nullable Instant updatedAt, List<String> images) {}

    record ProfileData(String displayName, String bio, String publicProfile, AvatarData picture) {}

    record ConsentData(boolean consents, @Nullable Instant choiceMadeAt) {}

    record ProviderData(String issuer, String subject, Instant linkedAt, Instant lastUsedAt) {}

    private final JdbcClient db;
    private final AccountRepository accounts;
    private final ProfileRepository profiles;
    private final ObjectProvider<PersonalDataContributor> contributors;
    private final SiteProperties site;
    private final Clock clock;

    PersonalDataExport(
            JdbcClient db,
            AccountRepository accounts,
            ProfileRepository profiles,
            ObjectProvider<PersonalDataContributor> contributors,
            SiteProperties site,
            Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.profiles = profiles;
        this.contributors = contributors;
        this.site = site;
        this.clock = clock;
    }

    /** The reader's data, section by section, in the order the file shows it. */
    @Transactional(readOnly = true)
    public Map<String, Object> of(long accountId) {
        AccountRow account = accounts.byId(accountId).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exportedAt", clock.instant());
        data.put("site", site.name() + " (" + site.origin() + ")");
        data.put(
                "account",
                new AccountData(
                        account.id(),
                        account.email(),
                        account.verified(),
                        account.emailVerifiedAt(),
                        account.status(),
                        account.createdAt(),
                        account.roles().stream().sorted().toList(),
                        account.passwordHash() == null
                                ? "No password is set."
                                : "A password is set. We keep only a one-way hash of it, which is not included"
                                        + " here and from which the password cannot be read back."));
        AvatarData picture = profiles.avatarVersion(accountId)
                .map(avatar -> new AvatarData(
                        true,
                        avatar.updatedAt(),
                        profiles.avatarSizes(accountId).stream()
                                .map(size -> site.origin() + Profiles.avatarPath(accountId, size, avatar.version()))
                                .toList()))
                .orElse(new AvatarData(false, null, List.of()));
        data.put(
                "profile",
                new ProfileData(
                        account.displayName(),
                        account.bio(),
                        site.origin() + Profiles.path(account.displayName()),
                        picture));
        data.put("marketingEmail", new ConsentData(account.marketingConsent(), account.marketingConsentAt()));
        data.put("signInProviders", providers(accountId));
        contributors.orderedStream().forEach(contributor -> {
            if (data.containsKey(contributor.section())) {
                throw new IllegalStateException("Two parts of the export are called " + contributor.section());
            }
            data.put(contributor.section(), contributor.dataFor(accountId));
        });
        return data;
    }

    /** Providers such as Google that the reader signs in with, and who each says the reader is. */
    private List<ProviderData> providers(long accountId) {
        return db.sql(
                        """
                        SELECT issuer, subject, created_at, last_used_at FROM external_identity
                        WHERE account_id = :id ORDER BY created_at""")
                .param("id", accountId)
                .query((rs, n) -> new ProviderData(
                        rs.getString("issuer"),
                        rs.getString("subject"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }
}
