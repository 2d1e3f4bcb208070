package org.masthead.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the options of a passkey registration in progress in the session, as a serializable
 * snapshot: sessions are stored in the database with Java serialization, and Spring Security's
 * options object is not serializable, so its own session repository fails there.
 */
final class SessionPasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    private static final String ATTRIBUTE = SessionPasskeyCreationOptions.class.getName();

    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.ES256,
            PublicKeyCredentialParameters.ES384,
            PublicKeyCredentialParameters.ES512,
            PublicKeyCredentialParameters.RS256,
            PublicKeyCredentialParameters.RS384,
            PublicKeyCredentialParameters.RS512,
            PublicKeyCredentialParameters.RS1);

    private static final List<UserVerificationRequirement> VERIFICATION = List.of(
            UserVerificationRequirement.DISCOURAGED,
            UserVerificationRequirement.PREFERRED,
            UserVerificationRequirement.REQUIRED);

    @Override
    public void save(
            HttpServletRequest request,
            HttpServletResponse response,
            @Nullable PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        request.getSession().setAttribute(ATTRIBUTE, Snapshot.of(options));
    }

    @Override
    public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Snapshot snapshot)) {
            return null;
        }
        return snapshot.options();
    }

    /** The options in serializable parts: Spring Security's string- and number-valued types by value. */
    record Snapshot(
            String rpId,
            String rpName,
            PublicKeyCredentialUserEntity user,
            Bytes challenge,
            ArrayList<Long> algorithms,
            @Nullable Duration timeout,
            ArrayList<PublicKeyCredentialDescriptor> excludeCredentials,
            @Nullable String attachment,
            @Nullable String residentKey,
            @Nullable String userVerification,
            @Nullable String attestation,
            @Nullable AuthenticationExtensionsClientInputs extensions)
            implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        static Snapshot of(PublicKeyCredentialCreationOptions options) {
            AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
            return new Snapshot(
                    options.getRp().getId(),
                    options.getRp().getName(),
                    options.getUser(),
                    options.getChallenge(),
                    new ArrayList<>(options.getPubKeyCredParams().stream()
                            .map(parameters -> parameters.getAlg().getValue())
                            .toList()),
                    options.getTimeout(),
                    new ArrayList<>(options.getExcludeCredentials()),
                    selection == null || selection.getAuthenticatorAttachment() == null
                            ? null
                            : selection.getAuthenticatorAttachment().getValue(),
                    selection == null || selection.getResidentKey() == null
                            ? null
                            : selection.getResidentKey().getValue(),
                    selection == null || selection.getUserVerification() == null
                            ? null
                            : selection.getUserVerification().getValue(),
                    options.getAttestation() == null
                            ? null
                            : options.getAttestation().getValue(),
                    options.getExtensions());
        }

        PublicKeyCredentialCreationOptions options() {
            AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder selection =
                    AuthenticatorSelectionCriteria.builder();
            if (attachment != null) {
                selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(attachment));
            }
            if (residentKey != null) {
                selection.residentKey(ResidentKeyRequirement.valueOf(residentKey));
            }
            if (userVerification != null) {
                VERIFICATION.stream()
                        .filter(requirement -> requirement.getValue().equals(userVerification))
                        .findFirst()
                        .ifPresent(selection::userVerification);
            }
            PublicKeyCredentialCreationOptions.PublicKeyCredentialCreationOptionsBuilder builder =
                    PublicKeyCredentialCreationOptions.builder()
                            .rp(PublicKeyCredentialRpEntity.builder()
                                    .id(rpId)
                                    .name(rpName)
                                    .build())
                            .user(user)
                            .challenge(challenge)
                            .pubKeyCredParams(algorithms.stream()
                                    .flatMap(algorithm -> ALGORITHMS.stream()
                                            .filter(known -> known.getAlg().getValue() == algorithm))
                                    .toList())
                            .excludeCredentials(excludeCredentials)
                            .authenticatorSelection(selection.build());
            if (timeout != null) {
                builder.timeout(timeout);
            }
            if (attestation != null) {
                builder.attestation(AttestationConveyancePreference.valueOf(attestation));
            }
            if (extensions != null) {
                builder.extensions(extensions);
            }
            return builder.build();
        }
    }
}
