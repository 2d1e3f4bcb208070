package org.masthead.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.masthead.notifications.NotificationSettings;
import org.masthead.notifications.NotificationsProperties;

/** Only a Grip-Sig the proxy signed with the shared key, and not yet expired, marks a request as the proxy's. */
class GripSignatureTest {

    static final String KEY = "the-proxies-key";
    static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");
    static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    final GripSignature signature = new GripSignature(properties(List.of("http://127.0.0.1:5561"), KEY), clock());

    @Test
    void aTokenSignedWithTheKeyAndNotExpiredIsTheProxys() {
        assertThat(signature.isFromProxy(token("HS256", NOW.plusSeconds(3600), KEY)))
                .isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(signature.isFromProxy(token("HS256", NOW.minusSeconds(1), KEY)))
                .as("expired")
                .isFalse();
        assertThat(signature.isFromProxy(token("HS256", NOW.plusSeconds(3600), "another-key")))
                .as("signed with another key")
                .isFalse();
        assertThat(signature.isFromProxy(token("none", NOW.plusSeconds(3600), KEY)))
                .as("claiming no algorithm")
                .isFalse();
        for (String junk : new String[] {"", "warm-up", "a.b.c", "a.b", "....", "%%.%%.%%"}) {
            assertThat(signature.isFromProxy(junk)).as(junk).isFalse();
        }
        assertThat(signature.isFromProxy(null)).isFalse();
    }

    @Test
    void withoutProxiesNothingIsTheProxys() {
        GripSignature noProxy = new GripSignature(properties(List.of(), null), clock());
        assertThat(noProxy.isFromProxy(token("HS256", NOW.plusSeconds(3600), KEY)))
                .isFalse();
    }

    static String token(String algorithm, Instant expires, String key) {
        String header = encode("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}");
        String claims = encode("{\"iss\":\"pushpin\",\"exp\":" + expires.getEpochSecond() + "}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + BASE64URL.encodeToString(signed);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static NotificationsProperties properties(List<String> gripPublishUrls, @Nullable String key) {
        return NotificationSettings.of(Duration.ofSeconds(2), 0, gripPublishUrls, key);
    }
}
