package org.masthead.discussion;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A signed-in reader taking part as the article page's script does: JSON requests carrying the CSRF
 * token that {@code /discussion/{article}/me} hands out.
 */
public final class Participant {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public final WebSession web;
    final TestAccounts.Credentials account;
    private String csrfHeader = "X-CSRF-TOKEN";
    private String csrfToken = "";

    private Participant(WebSession web, TestAccounts.Credentials account) {
        this.web = web;
        this.account = account;
    }

    public static Participant signIn(int port, TestAccounts.Credentials account) {
        WebSession web = new WebSession(port);
        TestAccounts.signIn(web, account);
        return new Participant(web, account);
    }

    /** A member of staff taking part from the conversation, signed in with both factors as staff must be. */
    public static Participant signInWithBothFactors(int port, TestAccounts.Credentials account) {
        WebSession web = new WebSession(port);
        TestAccounts.signInWithBothFactors(web, account);
        return new Participant(web, account);
    }

    public long id() {
        return account.id();
    }

    public String displayName() {
        return account.displayName();
    }

    /** What the conversation's /me says for this reader; picks up the CSRF token too. */
    public JsonNode me(long articleId) {
        JsonNode me = json(web.get("/discussion/" + articleId + "/me"));
        if (me.has("csrf")) {
            csrfHeader = me.get("csrf").get("header").asString();
            csrfToken = me.get("csrf").get("token").asString();
        }
        return me;
    }

    public HttpResponse<String> post(long articleId, String body) {
        return post(articleId, body, null, UUID.randomUUID());
    }

    public HttpResponse<String> reply(long articleId, long inReplyTo, String body) {
        return post(articleId, body, inReplyTo, UUID.randomUUID());
    }

    HttpResponse<String> post(long articleId, String body, Long inReplyTo, UUID key) {
        ObjectNode json = JSON.createObjectNode();
        json.put("body", body);
        if (inReplyTo != null) {
            json.put("inReplyTo", inReplyTo);
        }
        json.put("idempotencyKey", key.toString());
        return sendJson("/discussion/" + articleId + "/comments", json.toString(), articleId);
    }

    /** Posts a comment and gives its id, checking that it was made. */
    public long posted(long articleId, String body) {
        HttpResponse<String> response = post(articleId, body);
        if (response.statusCode() != 201) {
            throw new AssertionError("posting failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("id").asLong();
    }

    public long replied(long articleId, long inReplyTo, String body) {
        HttpResponse<String> response = reply(articleId, inReplyTo, body);
        if (response.statusCode() != 201) {
            throw new AssertionError("replying failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("id").asLong();
    }

    public HttpResponse<String> edit(long articleId, long commentId, String body) {
        ObjectNode json = JSON.createObjectNode();
        json.put("body", body);
        return sendJson("/discussion/comments/" + commentId + "/edit", json.toString(), articleId);
    }

    public HttpResponse<String> report(long articleId, long commentId, String reason, String detail) {
        ObjectNode json = JSON.createObjectNode();
        json.put("reason", reason);
        json.put("detail", detail);
        return sendJson("/discussion/comments/" + commentId + "/report", json.toString(), articleId);
    }

    /** A POST without a body, such as {@code /discussion/comments/12/recommend}. */
    public HttpResponse<String> act(long articleId, String path) {
        me(articleId);
        return web.postBody(path, "application/json", new byte[0], csrfHeader, csrfToken);
    }

    /** Posts with the CSRF token already in hand, as a page that has been open a while does. */
    HttpResponse<String> postWithTokenInHand(long articleId, String body) {
        return postWithTokenInHand(articleId, null, body);
    }

    HttpResponse<String> postWithTokenInHand(long articleId, Long inReplyTo, String body) {
        ObjectNode json = JSON.createObjectNode();
        json.put("body", body);
        if (inReplyTo != null) {
            json.put("inReplyTo", inReplyTo);
        }
        json.put("idempotencyKey", UUID.randomUUID().toString());
        return web.postBody(
                "/discussion/" + articleId + "/comments",
                "application/json",
                json.toString().getBytes(StandardCharsets.UTF_8),
                csrfHeader,
                csrfToken);
    }

    HttpResponse<String> sendJson(String path, String json, long articleId) {
        return sendBytes(path, json.getBytes(StandardCharsets.UTF_8), articleId);
    }

    HttpResponse<String> sendBytes(String path, byte[] body, long articleId) {
        me(articleId);
        return web.postBody(path, "application/json", body, csrfHeader, csrfToken);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
