package org.masthead.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.masthead.notifications.NotificationsProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a request came through one of the GRIP proxies: Pushpin signs each request it passes on with a
 * {@code Grip-Sig} header, a JSON Web Token signed (HS256) with its {@code sig_key}, which the nodes know as
 * {@code masthead.notifications.grip-sig-key}. Anyone who reaches a node directly can send the header too;
 * without the key they cannot sign it, and are answered as any other reader.
 */
@Component
public class GripSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final @Nullable SecretKeySpec key;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    GripSignature(NotificationsProperties properties, Clock clock) {
        String sigKey = properties.gripSigKey();
        this.key = properties.gripPublishUrls().isEmpty() || sigKey == null
                ? null
                : new SecretKeySpec(sigKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    /** Whether this {@code Grip-Sig} is a proxy's: signed with the key, and not expired. */
    public boolean isFromProxy(@Nullable String gripSig) {
        if (key == null || gripSig == null) {
            return false;
        }
        String[] parts = gripSig.strip().split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            // The signature first: nothing of a token is read before it is known to be the proxy's.
            byte[] expected = sign(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, BASE64URL.decode(parts[2]))) {
                return false;
            }
            JsonNode header = json.readTree(BASE64URL.decode(parts[0]));
            if (!"HS256".equals(header.path("alg").asString())) {
                return false;
            }
            JsonNode claims = json.readTree(BASE64URL.decode(parts[1]));
            JsonNode expires = claims.path("exp");
            return expires.isNumber() && expires.asLong() > clock.instant().getEpochSecond();
        } catch (IllegalArgumentException | JacksonException e) {
            // Not base64url, or not JSON: not a token at all.
            return false;
        }
    }

    private byte[] sign(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
