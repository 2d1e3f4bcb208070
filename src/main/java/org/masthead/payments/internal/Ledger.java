package org.masthead.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;
import org.masthead.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_ledger} table: charges and refunds, written once each, searched by admins. */
@Repository
public class Ledger {

    /** Where a page of search results ends: the next page starts after this entry. */
    public record Cursor(Instant occurredAt, long id) {

        /** Written into a link as {@code <epoch-millis>-<id>}. */
        @Override
        public String toString() {
            return occurredAt.toEpochMilli() + "-" + id;
        }

        /** Reads {@link #toString()}'s form; anything else is null (the first page). */
        public static @Nullable Cursor parse(@Nullable String text) {
            if (text == null || !text.matches("\\d{1,15}-\\d{1,18}")) {
                return null;
            }
            int dash = text.indexOf('-');
            return new Cursor(
                    Instant.ofEpochMilli(Long.parseLong(text.substring(0, dash))),
                    Long.parseLong(text.substring(dash + 1)));
        }
    }

    /**
     * An admin's search: every condition given must hold.
     *
     * @param email the address, any case, exactly
     * @param reference the caller's reference, exactly
     * @param from entries at or after
     * @param until entries before
     */
    public record Search(
            @Nullable String email, @Nullable String reference, @Nullable Instant from, @Nullable Instant until) {}

    private final JdbcClient db;

    Ledger(JdbcClient db) {
        this.db = db;
    }

    /** Adds a charge unless the ledger has it already; returns whether it was added. */
    boolean addCharge(
            String provider,
            String chargeId,
            @Nullable PaymentKind kind,
            LedgerEntry.Status status,
            Money amount,
            String reference,
            @Nullable Long accountId,
            String email,
            @Nullable String customerId,
            @Nullable String subscriptionId,
            @Nullable String failureReason,
            Instant occurredAt) {
        return db.sql(
                                """
                        INSERT INTO payment_ledger (provider, entry, charge_id, payment_kind, status, amount_minor, currency,
                            reference, account_id, email, customer_id, subscription_id, failure_reason, occurred_at)
                        VALUES (:provider, 'CHARGE', :chargeId, :kind, :status, :amount, :currency, :reference, :account,
                            :email, :customer, :subscription, :reason, :at)
                        ON CONFLICT DO NOTHING""")
                        .param("provider", provider)
                        .param("chargeId", chargeId)
                        .param("kind", kind == null ? null : kind.name())
                        .param("status", status.name())
                        .param("amount", amount.minorUnits())
                        .param("currency", amount.currencyCode())
                        .param("reference", reference)
                        .param("account", accountId)
                        .param("email", email)
                        .param("customer", customerId)
                        .param("subscription", subscriptionId)
                        .param("reason", failureReason)
                        .param("at", Sql.timestamp(occurredAt))
                        .update()
                == 1;
    }

    /** Whether the subscription has a succeeded (or since refunded) charge in the ledger. */
    boolean hasPaidCharge(String provider, String subscriptionId) {
        return db.sql(
                        """
                        SELECT EXISTS (SELECT 1 FROM payment_ledger WHERE provider = :provider AND subscription_id = :sub
                                       AND entry = 'CHARGE' AND status <> 'FAILED')""")
                .param("provider", provider)
                .param("sub", subscriptionId)
                .query(Boolean.class)
                .single();
    }

    /** The charge, locked until the caller's transaction ends. */
    Optional<LedgerEntry> lockCharge(String provider, String chargeId) {
        return db.sql(
                        """
                        SELECT * FROM payment_ledger WHERE provider = :provider AND charge_id = :chargeId AND entry = 'CHARGE'
                        FOR UPDATE""")
                .param("provider", provider)
                .param("chargeId", chargeId)
                .query((rs, n) -> entry(rs))
                .optional();
    }

    public Optional<LedgerEntry> charge(String provider, String chargeId) {
        return db.sql(
                        """
                        SELECT * FROM payment_ledger WHERE provider = :provider AND charge_id = :chargeId AND entry = 'CHARGE'""")
                .param("provider", provider)
                .param("chargeId", chargeId)
                .query((rs, n) -> entry(rs))
                .optional();
    }

    public Optional<LedgerEntry> entry(long id) {
        return db.sql("SELECT * FROM payment_ledger WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> entry(rs))
                .optional();
    }

    /**
     * Raises what has been refunded from a charge to {@code total}, adding a refund line for the
     * difference. A total no higher than what is recorded (a repeat, or an older event) changes nothing.
     */
    void recordRefundTotal(LedgerEntry charge, Money total, Instant at) {
        Money added = total.minus(charge.refunded());
        LedgerEntry.Status status = total.compareTo(charge.amount()) >= 0
                ? LedgerEntry.Status.REFUNDED
                : LedgerEntry.Status.PARTIALLY_REFUNDED;
        db.sql("UPDATE payment_ledger SET refunded_minor = :total, status = :status WHERE id = :id")
                .param("total", total.minorUnits())
                .param("status", status.name())
                .param("id", charge.id())
                .update();
        db.sql(
                        """
                        INSERT INTO payment_ledger (provider, entry, charge_id, refund_total, status, amount_minor, currency,
                            reference, account_id, email, customer_id, subscription_id, occurred_at)
                        VALUES (:provider, 'REFUND', :chargeId, :total, 'SUCCEEDED', :amount, :currency, :reference, :account,
                            :email, :customer, :subscription, :at)
                        ON CONFLICT DO NOTHING""")
                .param("provider", charge.provider())
                .param("chargeId", charge.chargeId())
                .param("total", total.minorUnits())
                .param("amount", added.minorUnits())
                .param("currency", added.currencyCode())
                .param("reference", charge.reference())
                .param("account", charge.accountId())
                .param("email", charge.email())
                .param("customer", charge.customerId())
                .param("subscription", charge.subscriptionId())
                .param("at", Sql.timestamp(at))
                .update();
    }

    /** A page of entries matching the search, newest first, after the cursor if one is given. */
    public List<LedgerEntry> search(Search search, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM payment_ledger WHERE true");
        if (search.email() != null) {
            sql.append(" AND lower(email) = lower(:email)");
        }
        if (search.reference() != null) {
            sql.append(" AND reference = :reference");
        }
        if (search.from() != null) {
            sql.append(" AND occurred_at >= :from");
        }
        if (search.until() != null) {
            sql.append(" AND occurred_at < :until");
        }
        if (after != null) {
            sql.append(" AND (occurred_at, id) < (:afterAt, :afterId)");
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit");
        JdbcClient.StatementSpec statement = db.sql(sql.toString()).param("limit", limit);
        if (search.email() != null) {
            statement = statement.param("email", search.email());
        }
        if (search.reference() != null) {
            statement = statement.param("reference", search.reference());
        }
        if (search.from() != null) {
            statement = statement.param("from", Sql.timestamp(search.from()));
        }
        if (search.until() != null) {
            statement = statement.param("until", Sql.timestamp(search.until()));
        }
        if (after != null) {
            statement = statement
                    .param("afterAt", Sql.timestamp(after.occurredAt()))
                    .param("afterId", after.id());
        }
        return statement.query((rs, n) -> entry(rs)).list();
    }

    /** Every line with the account's name on it, newest first. */
    List<LedgerEntry> forAccount(long accountId) {
        return db.sql("SELECT * FROM payment_ledger WHERE account_id = :account ORDER BY occurred_at DESC, id DESC")
                .param("account", accountId)
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** Names the account on the lines under these references that name none: a guest's, now theirs. */
    public void giveToAccount(Collection<String> references, long accountId) {
        db.sql(
                        "UPDATE payment_ledger SET account_id = :account WHERE account_id IS NULL AND reference IN (:references)")
                .param("account", accountId)
                .param("references", references)
                .update();
    }

    /**
     * Takes the account and its address off its lines. The amounts and the provider's ids stay: they are
     * the site's financial records, and the provider holds the same.
     */
    void forgetAccount(long accountId) {
        db.sql("UPDATE payment_ledger SET account_id = NULL, email = '' WHERE account_id = :account")
                .param("account", accountId)
                .update();
    }

    /** Every line about one charge: the charge and its refunds, oldest first. */
    public List<LedgerEntry> history(String provider, String chargeId) {
        return db.sql(
                        """
                        SELECT * FROM payment_ledger WHERE provider = :provider AND charge_id = :chargeId
                        ORDER BY occurred_at, id""")
                .param("provider", provider)
                .param("chargeId", chargeId)
                .query((rs, n) -> entry(rs))
                .list();
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        String kind = rs.getString("payment_kind");
        return new LedgerEntry(
                rs.getLong("id"),
                rs.getString("provider"),
                LedgerEntry.Entry.valueOf(rs.getString("entry")),
                rs.getString("charge_id"),
                kind == null ? null : PaymentKind.valueOf(kind),
                LedgerEntry.Status.valueOf(rs.getString("status")),
                Money.of(rs.getLong("amount_minor"), currency),
                Money.of(rs.getLong("refunded_minor"), currency),
                rs.getString("reference"),
                Sql.nullableLong(rs, "account_id"),
                rs.getString("email"),
                rs.getString("customer_id"),
                rs.getString("subscription_id"),
                rs.getString("failure_reason"),
                rs.getTimestamp("occurred_at").toInstant());
    }
}
