package org.masthead.payments.internal;

import java.time.Instant;
import java.util.List;
import org.masthead.payments.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_audit} table: what staff did with money, and what came of it. */
@Repository
public class PaymentAudit {

    /** One line of the audit log. */
    public record Line(Instant at, long actorId, String action, String chargeId, String amount, String detail) {

        /** What was done, as an admin reads it: the stored action is a code. */
        public String said() {
            return switch (action) {
                case "REFUND_REQUESTED" -> "Asked for a refund";
                case "REFUND_FAILED" -> "Asked for a refund, which the provider refused";
                default -> action;
            };
        }
    }

    private final JdbcClient db;

    PaymentAudit(JdbcClient db) {
        this.db = db;
    }

    public void record(long actorId, String action, String chargeId, Money amount, String detail) {
        db.sql(
                        """
                        INSERT INTO payment_audit (actor_id, action, charge_id, amount_minor, currency, detail)
                        VALUES (:actor, :action, :charge, :amount, :currency, :detail)""")
                .param("actor", actorId)
                .param("action", action)
                .param("charge", chargeId)
                .param("amount", amount.minorUnits())
                .param("currency", amount.currencyCode())
                .param("detail", detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                .update();
    }

    public List<Line> forCharge(String chargeId) {
        return db.sql("SELECT * FROM payment_audit WHERE charge_id = :charge ORDER BY at DESC, id DESC")
                .param("charge", chargeId)
                .query((rs, n) -> new Line(
                        rs.getTimestamp("at").toInstant(),
                        rs.getLong("actor_id"),
                        rs.getString("action"),
                        rs.getString("charge_id"),
                        rs.getString("currency") == null
                                ? ""
                                : Money.of(rs.getLong("amount_minor"), rs.getString("currency"))
                                        .format(),
                        rs.getString("detail")))
                .list();
    }
}
