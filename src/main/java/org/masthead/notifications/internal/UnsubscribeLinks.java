package org.masthead.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.masthead.site.SiteProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The link in every notification e-mail that turns them off without signing in. It names the account
 * and carries an HMAC of it under a key kept in the database (made by whichever node needs it first),
 * so every node checks every link, and no token is stored per mail. It keeps working, since people
 * click twice and mail programs' one-click unsubscribe (RFC 8058) may come days later; what it can do
 * is only ever to stop these e-mails.
 */
@Component
class UnsubscribeLinks {

    private static final String PATH = "/notifications/unsubscribe?token=";

    private final JdbcClient db;
    private final SiteProperties site;
    private final TransactionTemplate ownTransaction;
    private volatile byte @Nullable [] key;

    UnsubscribeLinks(JdbcClient db, SiteProperties site, PlatformTransactionManager transactions) {
        this.db = db;
        this.site = site;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String urlFor(long accountId) {
        return site.origin() + PATH + tokenFor(accountId);
    }

    String tokenFor(long accountId) {
        return accountId + "." + signature(accountId);
    }

    /** The account a token is for, if it is one of ours. */
    Optional<Long> accountOf(String token) {
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        long accountId;
        try {
            accountId = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = signature(accountId).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(accountId) : Optional.empty();
    }

    private String signature(long accountId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal(("notification-mail-unsubscribe:" + accountId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
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
        return java.util.Objects.requireNonNull(known);
    }
}
