package org.masthead.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs the small tokens this module hands out (unsubscribe links, live tickets) with an HMAC under a
 * key kept in the database, made by whichever node needs it first: every node checks what any node
 * signed, and nothing is stored per token. Each signature is bound to its purpose, so a token made for
 * one thing is never good for another.
 */
@Component
class Signatures {

    private final JdbcClient db;
    private final TransactionTemplate ownTransaction;
    private volatile byte @Nullable [] key;

    Signatures(JdbcClient db, PlatformTransactionManager transactions) {
        this.db = db;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String sign(String purpose, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((purpose + ":" + message).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the signature is ours for this purpose and message, compared in constant time. */
    boolean verify(String purpose, String message, String signature) {
        return MessageDigest.isEqual(
                sign(purpose, message).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** Made and committed in a transaction of its own: a key must never be used unless it is kept. */
    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            known = ownTransaction.execute(status -> {
                db.sql("INSERT INTO notification_link_key (id, secret) VALUES (1, :secret) ON CONFLICT DO NOTHING")
                        .param("secret", fresh)
                        .update();
                return db.sql("SELECT secret FROM notification_link_key WHERE id = 1")
                        .query(byte[].class)
                        .single();
            });
            key = known;
        }
        return Objects.requireNonNull(known);
    }
}
