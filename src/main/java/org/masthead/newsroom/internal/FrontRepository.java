package org.masthead.newsroom.internal;

import java.util.List;
import org.masthead.newsroom.FrontLayout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The slots of every front, as editors arrange them (the draft) and as readers see them (live). */
@Repository
public class FrontRepository {

    /** A story on a front, in the order of the front. */
    public record Slot(long articleId, FrontLayout layout) {}

    /** A slot as the editors' page shows it: whether readers could see the story, too. */
    public record Placed(long articleId, FrontLayout layout, String headline, boolean published) {}

    private final JdbcClient db;

    FrontRepository(JdbcClient db) {
        this.db = db;
    }

    /** Holds every other change to this front until the transaction ends, so that two editors' clicks take turns. */
    public void lock(String front) {
        db.sql("SELECT pg_advisory_xact_lock(hashtext('front:' || :front))")
                .param("front", front)
                .query((rs, n) -> 1)
                .list();
    }

    /** The draft's slots in order, whatever the state of their stories. */
    public List<Placed> draft(String front) {
        return db.sql(
                        """
                        SELECT s.article_id, s.layout, a.headline, a.status = 'PUBLISHED' AS published
                        FROM front_slot s JOIN article a ON a.id = s.article_id
                        WHERE s.front = :front AND s.version = 'DRAFT' ORDER BY s.position""")
                .param("front", front)
                .query((rs, n) -> new Placed(
                        rs.getLong("article_id"),
                        FrontLayout.valueOf(rs.getString("layout")),
                        rs.getString("headline"),
                        rs.getBoolean("published")))
                .list();
    }

    /** The slots of the draft or the live front whose stories are published, in order. */
    public List<Slot> published(String front, boolean live) {
        return db.sql(
                        """
                        SELECT s.article_id, s.layout
                        FROM front_slot s JOIN article a ON a.id = s.article_id AND a.status = 'PUBLISHED'
                        WHERE s.front = :front AND s.version = :version ORDER BY s.position""")
                .param("front", front)
                .param("version", live ? "LIVE" : "DRAFT")
                .query((rs, n) -> new Slot(rs.getLong("article_id"), FrontLayout.valueOf(rs.getString("layout"))))
                .list();
    }

    /** Every slot of the live front, published or not: to tell whether the draft differs. */
    public List<Slot> live(String front) {
        return db.sql(
                        "SELECT article_id, layout FROM front_slot WHERE front = :front AND version = 'LIVE' ORDER BY position")
                .param("front", front)
                .query((rs, n) -> new Slot(rs.getLong("article_id"), FrontLayout.valueOf(rs.getString("layout"))))
                .list();
    }

    public void replaceDraft(String front, List<Slot> slots) {
        db.sql("DELETE FROM front_slot WHERE front = :front AND version = 'DRAFT'")
                .param("front", front)
                .update();
        for (int i = 0; i < slots.size(); i++) {
            db.sql(
                            """
                            INSERT INTO front_slot (front, version, position, article_id, layout)
                            VALUES (:front, 'DRAFT', :position, :article, :layout)""")
                    .param("front", front)
                    .param("position", i)
                    .param("article", slots.get(i).articleId())
                    .param("layout", slots.get(i).layout().name())
                    .update();
        }
    }

    /** Makes the draft what readers see. */
    public void publish(String front) {
        copy(front, "DRAFT", "LIVE");
    }

    /** Puts the draft back as the live front stands. */
    public void discard(String front) {
        copy(front, "LIVE", "DRAFT");
    }

    private void copy(String front, String from, String to) {
        db.sql("DELETE FROM front_slot WHERE front = :front AND version = :to")
                .param("front", front)
                .param("to", to)
                .update();
        db.sql(
                        """
                        INSERT INTO front_slot (front, version, position, article_id, layout)
                        SELECT front, :to, position, article_id, layout FROM front_slot
                        WHERE front = :front AND version = :from""")
                .param("front", front)
                .param("from", from)
                .param("to", to)
                .update();
    }
}
