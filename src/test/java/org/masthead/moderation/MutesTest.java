package org.masthead.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reader mutes another: their own /me names the muted reader, so their page folds that reader's
 * comments away, while the cached conversation stays the same for everyone. Unmuted from settings.
 */
@MastheadTest
class MutesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient db;

    @Test
    void aMutedReaderIsNamedInTheMutersOwnDataOnlyAndIsUnmutedFromSettings() {
        long article = content.article(content.section("Muted")).published();
        Participant loud = Participant.signIn(port, accounts.create(true));
        Participant reader = Participant.signIn(port, accounts.create(true));
        loud.posted(article, "Something loud, again.");
        String thread = new Http(port).get("/discussion/" + article + "/thread").body();
        assertThat(thread).contains("data-action=\"mute\"");

        HttpResponse<String> muted = reader.act(article, "/account/muted/" + loud.id());

        assertThat(muted.statusCode()).as(muted.body()).isEqualTo(204);
        assertThat(reader.me(article).get("muted").get(0).asLong()).isEqualTo(loud.id());
        assertThat(loud.me(article).get("muted")).isEmpty();
        assertThat(new Http(port).get("/discussion/" + article + "/thread").body())
                .isEqualTo(thread);
        assertThat(reader.web.get("/discussion/readers/" + loud.id() + "/me").body())
                .contains("\"muted\":true");
        String settings = reader.web.get("/account/muted").body();
        assertThat(settings).contains("<h1>Readers you muted</h1>").contains("Unmute");

        HttpResponse<String> unmuted = reader.web.post("/account/muted/" + loud.id() + "/remove", Map.of());

        assertThat(unmuted.statusCode()).isEqualTo(303);
        assertThat(reader.web.get("/account/muted").body()).contains("Unmuted: you see their comments again.");
        assertThat(reader.me(article).get("muted")).isEmpty();
    }

    @Test
    void nobodyMutesThemselvesAndTheListIsBounded() {
        long article = content.article(content.section("Muted")).published();
        Participant reader = Participant.signIn(port, accounts.create(true));

        assertThat(reader.act(article, "/account/muted/" + reader.id()).statusCode())
                .isEqualTo(400);
        db.sql(
                        """
                        INSERT INTO moderation_mute (reader_id, muted_id, muted_at)
                        SELECT :reader, -n, now() FROM generate_series(1, 200) AS n""")
                .param("reader", reader.id())
                .update();
        HttpResponse<String> over =
                reader.act(article, "/account/muted/" + accounts.create(true).id());

        assertThat(over.statusCode()).isEqualTo(409);
        assertThat(over.body()).contains("You have muted 200 readers, the most we keep.");
    }
}
