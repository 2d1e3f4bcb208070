package org.masthead.payments.internal.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.internal.WebhookRejectedException;

/**
 * How the sandbox signs its webhook events, on the pattern of Stripe's: the header
 * {@code Masthead-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}. The timestamp is
 * inside what is signed, so it cannot be changed; a receiver refuses signatures older than its
 * tolerance, so a captured request cannot be replayed later. Each delivery is signed afresh.
 */
public final class SandboxSignature {

    public static final String HEADER = "Masthead-Signature";

    private SandboxSignature() {}

    public static String sign(String payload, String secret, Instant at) {
        long seconds = at.getEpochSecond();
        return "t=" + seconds + ",v1=" + hmac(secret, seconds + "." + payload);
    }

    /**
     * @throws WebhookRejectedException if the header is missing or malformed, no signature in it matches,
     *     or its timestamp is further than {@code tolerance} from {@code now}
     */
    public static void verify(String payload, @Nullable String header, String secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw new WebhookRejectedException("The request is not signed.");
        }
        Long timestamp = null;
        boolean matched = false;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
                timestamp = Long.valueOf(pair[1]);
            }
        }
        if (timestamp == null) {
            throw new WebhookRejectedException("The signature has no timestamp.");
        }
        byte[] expected = hmac(secret, timestamp + "." + payload).getBytes(StandardCharsets.US_ASCII);
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("v1")) {
                matched |= MessageDigest.isEqual(expected, pair[1].getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (!matched) {
            throw new WebhookRejectedException("The signature does not match the request.");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
            throw new WebhookRejectedException("The signature's timestamp is too old.");
        }
    }

    private static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
