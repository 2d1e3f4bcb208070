package org.masthead.platform.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.masthead.platform.RateLimit;
import org.masthead.platform.RateLimitProperties;
import org.masthead.platform.RateLimits;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bucket4j's token buckets, kept in the {@code rate_limit_bucket} table. Each check locks its
 * bucket's row ({@code SELECT … FOR UPDATE}) for one short transaction, so two nodes counting the
 * same key at the same moment take turns instead of both spending the last request.
 *
 * <p>A bucket's row is named by its limit and a hash of its key and configuration: no client
 * address or e-mail address is stored, however long the one a client sent, and a limit whose
 * configuration changes starts afresh rather than mixing old and new counts. Rows go once their
 * bucket would be full again, when they no longer hold anything a fresh bucket would not.
 */
@Component
class PgRateLimits implements RateLimits {

    private static final int EXPIRED_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final RateLimitProperties properties;
    private final Map<RateLimit, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    PgRateLimits(DataSource dataSource, Clock clock, RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .clientClock(wallClock(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    @Override
    public Outcome tryConsume(RateLimit declared, String key) {
        RateLimit limit = properties.effective(declared);
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Outcome.ALLOWED
                : Outcome.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void giveBack(RateLimit declared, String key) {
        RateLimit limit = properties.effective(declared);
        bucket(limit, key).addTokens(1);
    }

    /** Every node sweeps; each takes rows the others have not locked. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    void removeExpired() {
        while (buckets.removeExpired(EXPIRED_BATCH) == EXPIRED_BATCH) {
            // More may be left.
        }
    }

    private BucketProxy bucket(RateLimit limit, String key) {
        return buckets.getProxy(idOf(limit, key), () -> configurations.computeIfAbsent(limit, PgRateLimits::configure));
    }

    private static BucketConfiguration configure(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build();
    }

    private static String idOf(RateLimit limit, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((limit.capacity() + "/" + limit.period() + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return limit.name() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Buckets refill by our clock, so that tests can move time on. */
    private static TimeMeter wallClock(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
