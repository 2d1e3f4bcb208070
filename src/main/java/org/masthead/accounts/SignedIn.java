package org.masthead.accounts;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind a request, as Spring Security holds them. Its name is the account id, so a
 * session stays theirs when they change their address. It holds no address: a change confirmed in one
 * session would not reach the others kept in the session store, so whatever needs the address asks
 * for it as it is now ({@link Accounts#currentAddressOf(long)}). Not final: a sign-in through an
 * identity provider needs a principal that is also an {@code OidcUser}.
 */
public class SignedIn implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean enabled;
    private @Nullable String passwordHash;

    public SignedIn(
            long accountId, String displayName, Set<Role> roles, boolean enabled, @Nullable String passwordHash) {
        this.accountId = accountId;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .collect(Collectors.toSet());
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return String.valueOf(accountId);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedIn that && that.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "SignedIn[" + accountId + "]";
    }
}
