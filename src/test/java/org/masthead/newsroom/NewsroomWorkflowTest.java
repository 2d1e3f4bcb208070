package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The newsroom as its staff use it, through its pages: a journalist files and submits, an editor
 * sends back, publishes, updates and unpublishes; two people saving the same article; revisions.
 */
@MastheadTest
class NewsroomWorkflowTest {

    private static final Pattern LIVE_LINK = Pattern.compile("href=\"([^\"]+)\">See it on the site");

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    Section section;
    Author author;
    TestAccounts.Credentials journalistAccount;
    WebSession journalist;
    WebSession editor;
    WebSession otherEditor;
    String otherEditorName;

    @BeforeEach
    void setUp() {
        section = content.section("Newsdesk");
        author = content.author("Nell Newsdesk");
        journalistAccount = accounts.create(true, Role.JOURNALIST);
        journalist = staff(journalistAccount);
        editor = staff(accounts.create(true, Role.EDITOR));
        TestAccounts.Credentials otherEditorAccount = accounts.create(true, Role.EDITOR);
        otherEditorName = otherEditorAccount.displayName();
        otherEditor = staff(otherEditorAccount);
    }

    @Test
    void journalistFilesADraftThatReadersCannotSeeUntilAnEditorPublishesIt() {
        String headline = "Tram line approved " + TestContent.unique("h");
        long id = file(
                journalist, headline, "The council voted for the tram.\n\n## What next\n\nBuilding starts in spring.");

        assertThat(journalist.get("/newsroom").body()).contains("My drafts").contains(headline);
        assertThat(new Http(port).get("/" + section.path()).body()).doesNotContain(headline);

        HttpResponse<String> submitted = journalist.post("/newsroom/articles/" + id + "/submit", Map.of());
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(editor.get("/newsroom").body())
                .as("the editors' desk lists it as waiting for review")
                .containsPattern("(?s)>Waiting for review<.*" + Pattern.quote(headline));
        assertThat(journalist.get("/newsroom").body())
                .as("a journalist's desk, which shows only their own, says so")
                .containsPattern("(?s)>My stories waiting for review<.*" + Pattern.quote(headline))
                .contains(">My stories recently published<");

        HttpResponse<String> published =
                editor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/publish", Map.of());
        assertThat(published.statusCode()).isEqualTo(302);

        String path = livePath(id);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(new Http(port).get(path).body())
                    .contains("<title>Search: " + headline + " | ")
                    .contains("<h2>What next</h2>");
            assertThat(new Http(port).get("/").body()).contains(headline);
            assertThat(new Http(port).get("/" + section.path() + "/rss").body()).contains(headline);
        });
        assertThat(editor.get("/newsroom/log").body()).contains(headline).contains("published");
    }

    @Test
    void journalistMayNotPublishNorTouchAnothersDraft() {
        long id = file(journalist, "Not yet " + TestContent.unique("h"), "Words.");
        WebSession another = staff(accounts.create(true, Role.JOURNALIST));

        assertThat(journalist
                        .post("/newsroom/articles/" + id + "/publish", Map.of())
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> refused = another.get("/newsroom/articles/" + id);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .as("the title says what the page says, and nobody is called a journalist who may not be one")
                .contains("<title>This page is not open to you | ")
                .contains("Only editors, and the journalist who filed it, can open this article.");
        assertThat(another.get("/newsroom").body()).doesNotContain("Not yet");
        assertThat(editor.get("/newsroom/articles/" + id).statusCode()).isEqualTo(200);
        assertThat(new Http(port).get("/").body()).doesNotContain("Not yet");
    }

    @Test
    void editorSendsADraftBackWithANoteAndTheJournalistMayEditItAgain() {
        String headline = "Budget gap " + TestContent.unique("h");
        long id = file(journalist, headline, "First go.");
        journalist.post("/newsroom/articles/" + id + "/submit", Map.of());

        assertThat(save(journalist, id, headline, "Changed while in review.").statusCode())
                .as("a submitted draft is the editors' until it comes back")
                .isEqualTo(403);

        editor.get("/newsroom/articles/" + id);
        assertThat(editor.post("/newsroom/articles/" + id + "/send-back", Map.of("note", "Needs a second source."))
                        .statusCode())
                .isEqualTo(302);

        String page = journalist.get("/newsroom/articles/" + id).body();
        assertThat(page).contains("Sent back by the editor").contains("Needs a second source.");
        assertThat(journalist.get("/newsroom").body())
                .as("the writer's desk says which draft came back, and why")
                .contains("Draft</span>, sent back: “<span>Needs a second source.</span>”");
        assertThat(save(journalist, id, headline, "Second go, with two sources.")
                        .statusCode())
                .isEqualTo(302);
        assertThat(journalist.get("/newsroom/articles/" + id).body()).contains("Second go, with two sources.");
    }

    @Test
    void theJournalistIsToldWhenAnEditorSendsTheirDraftBackAndWhenTheyPublishIt() {
        String headline = "Harbour dredging " + TestContent.unique("h");
        long id = file(journalist, headline, "First go.");
        journalist.post("/newsroom/articles/" + id + "/submit", Map.of());

        otherEditor.submit(
                "/newsroom/articles/" + id, "/newsroom/articles/" + id + "/send-back", Map.of("note", "Who paid?"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(journalist.get("/notifications").body())
                        .contains(otherEditorName + " sent your draft “" + headline + "” back to you")
                        .contains("Who paid?"));
        assertThat(journalist.get("/notifications").body()).contains("You have 1 unread notification.");
        Matcher open = Pattern.compile("action=\"(/notifications/\\d+/open)\"")
                .matcher(journalist.get("/notifications").body());
        assertThat(open.find()).isTrue();
        assertThat(journalist.post(open.group(1), Map.of()).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/newsroom/articles/" + id));

        journalist.post("/newsroom/articles/" + id + "/submit", Map.of());
        otherEditor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/publish", Map.of());

        String path = livePath(id);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(journalist.get("/notifications").body())
                        .contains(otherEditorName + " published your story “" + headline + "”")
                        .contains("You have 1 unread notification."));
        Matcher newest = Pattern.compile("action=\"(/notifications/\\d+/open)\"")
                .matcher(journalist.get("/notifications").body());
        assertThat(newest.find()).isTrue();
        assertThat(journalist.post(newest.group(1), Map.of()).headers().firstValue("Location"))
                .as("it leads to the story on the site")
                .hasValueSatisfying(to -> assertThat(to).endsWith(path));

        long own = file(editor, "Editor's own " + TestContent.unique("h"), "Words.");
        editor.submit("/newsroom/articles/" + own, "/newsroom/articles/" + own + "/publish", Map.of());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> new Http(port).get(livePath(own)).statusCode() == 200);
        assertThat(editor.get("/notifications").body())
                .as("nobody is told of their own decision")
                .doesNotContain("published your story");
    }

    @Test
    void aSaveBasedOnAnOlderVersionIsRefusedWithWhoSavedAndWhen() {
        String headline = "Harbour plan " + TestContent.unique("h");
        long id = file(editor, headline, "The original words.");

        // Both open version 1; the other editor saves first.
        assertThat(save(otherEditor, id, headline, "Their better words.").statusCode())
                .isEqualTo(302);
        HttpResponse<String> mine = saveFrom(editor, id, 1, headline, "My own words.");

        assertThat(mine.statusCode()).isEqualTo(409);
        assertThat(mine.body())
                .contains("Not saved: someone else saved first")
                .containsPattern(Pattern.quote(otherEditorName) + " saved this article at \\d\\d\\.\\d\\d on ")
                .contains("See what changed since you opened it")
                .contains("/newsroom/articles/" + id + "/revisions?from=1&amp;to=2")
                .contains("My own words.");
        assertThat(editor.get("/newsroom/articles/" + id).body())
                .as("their save stands")
                .contains("Their better words.")
                .doesNotContain("My own words.");
    }

    @Test
    void theEditorShowsWhoElseHasTheArticleOpenUntilTheyLeave() {
        long id = file(editor, "Two hands " + TestContent.unique("h"), "Words.");
        assertThat(editor.get("/newsroom/articles/" + id).body())
                .as("alone with it")
                .doesNotContain("Also open by");

        assertThat(otherEditor.get("/newsroom/articles/" + id).body())
                .doesNotContain("Also open by " + otherEditorName);
        HttpResponse<String> heard = editor.post("/newsroom/articles/" + id + "/presence", Map.of());

        assertThat(heard.statusCode()).isEqualTo(200);
        assertThat(heard.body())
                .as("the time written as every time on the site is")
                .containsPattern("Also open by " + Pattern.quote(otherEditorName) + " \\(since \\d\\d\\.\\d\\d\\)");
        assertThat(otherEditor.get("/newsroom/articles/" + id).body())
                .contains("Also open by ")
                .doesNotContain("Also open by " + otherEditorName);
        WebSession outsider = staff(accounts.create(true, Role.JOURNALIST));
        assertThat(outsider.post("/newsroom/articles/" + id + "/presence", Map.of())
                        .statusCode())
                .as("a journalist may not learn who works on an editor's article")
                .isEqualTo(403);
    }

    @Test
    void autosaveKeepsTheWordsAndRefusesAVersionSavedOverSince() {
        String headline = "Night buses " + TestContent.unique("h");
        long id = file(journalist, headline, "First words.");
        journalist.get("/newsroom/articles/" + id);
        Map<String, String> fields = fields(headline, "Words kept by autosave.", "");
        fields.put("version", "1");

        HttpResponse<String> saved = journalist.post("/newsroom/articles/" + id + "/autosave", fields);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body())
                .contains("\"version\":2")
                .as("the time written as every time on the site is, not in the browser's 02:47 AM")
                .containsPattern("\"saved\":\"Saved automatically at \\d\\d\\.\\d\\d\\.\"");
        assertThat(journalist.get("/newsroom/articles/" + id).body()).contains("Words kept by autosave.");

        // The same page again, still on version 1, as a second window would be.
        fields.put("body", "Words from a stale window.");
        HttpResponse<String> stale = journalist.post("/newsroom/articles/" + id + "/autosave", fields);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body())
                .containsPattern("You saved this article at [^\"]* in another window, after you opened it here\\.\"")
                .contains("/newsroom/articles/" + id + "/revisions?from=1&to=2");
        assertThat(journalist.get("/newsroom/articles/" + id).body()).doesNotContain("Words from a stale window.");

        HttpResponse<String> staleSave = saveFrom(journalist, id, 1, headline, "Words from a stale window.");
        assertThat(staleSave.statusCode()).isEqualTo(409);
        assertThat(staleSave.body())
                .as("their own save in another window is not someone else's")
                .contains("Not saved: you saved it in another window first")
                .doesNotContain("someone else")
                .contains("See what changed since you opened it");
    }

    @Test
    void everySaveKeepsARevisionThatCanBeComparedAndRestored() {
        String headline = "Library hours " + TestContent.unique("h");
        long id = file(editor, headline, "The library opens at nine.");
        save(editor, id, headline, "The library opens at ten on weekdays.");

        String revisions = editor.get("/newsroom/articles/" + id + "/revisions").body();
        assertThat(revisions)
                .contains("From version 1 to version 2")
                .contains("3 words added")
                .contains("1 word removed")
                .contains("<del>nine.</del>");

        HttpResponse<String> restored = editor.post("/newsroom/articles/" + id + "/revisions/1/restore", Map.of());
        assertThat(restored.statusCode()).isEqualTo(302);
        String page = editor.get("/newsroom/articles/" + id).body();
        assertThat(page).contains("The library opens at nine.").contains("version <span>3</span>");
        assertThat(editor.get("/newsroom/articles/" + id + "/revisions").body()).contains("Restored version 1");
    }

    @Test
    void updatingAPublishedArticleChangesItForReadersAndUnpublishingTakesItAway() {
        String headline = "Ferry strike " + TestContent.unique("h");
        long id = file(editor, headline, "Ferries stop on Monday.");
        editor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/publish", Map.of());
        String path = livePath(id);
        Http reader = new Http(port);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(reader.get(path).body()).contains("Ferries stop on Monday."));

        assertThat(save(editor, id, headline, "Ferries stop on Tuesday.").statusCode())
                .isEqualTo(302);
        assertThat(editor.get("/newsroom/articles/" + id).body())
                .as("the editor is told what is true: browsers keep a page for max-age, then show it once more")
                .contains("Updated: the site serves the change now, though a reader&#39;s browser may show its"
                        + " earlier copy of a page for up to 11 minutes.");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(reader.get(path).body())
                        .contains("Ferries stop on Tuesday.")
                        .contains("Updated <time"));

        editor.get("/newsroom/articles/" + id);
        assertThat(editor.post("/newsroom/articles/" + id + "/unpublish", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(editor.get("/newsroom/articles/" + id).body())
                .contains("Unpublished: its address now tells readers it is gone, though a reader&#39;s browser"
                        + " may show its earlier copy of a page for up to 11 minutes.");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(reader.get(path).statusCode()).isEqualTo(410);
            assertThat(reader.get("/").body()).doesNotContain(headline);
        });
        assertThat(reader.get(path).body()).contains("This article is no longer available");
    }

    @Test
    void anUnpublishedArticleSendsReadersToTheReplacementItsEditorNamed() {
        String headline = "Old figures " + TestContent.unique("h");
        long old = file(editor, headline, "Figures that were wrong.");
        editor.submit("/newsroom/articles/" + old, "/newsroom/articles/" + old + "/publish", Map.of());
        long better = file(editor, "Corrected figures " + TestContent.unique("h"), "Figures that are right.");
        editor.submit("/newsroom/articles/" + better, "/newsroom/articles/" + better + "/publish", Map.of());
        String oldPath = livePath(old);
        String betterPath = livePath(better);

        editor.get("/newsroom/articles/" + old);
        HttpResponse<String> refused =
                editor.post("/newsroom/articles/" + old + "/unpublish", Map.of("replacement", "/no/such/article"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .as("a replacement that does not exist is refused, with what was typed kept and why beside it")
                .contains("Not unpublished. No other published article lives at /no/such/article")
                .containsPattern("id=\"replacement-error\">.*No other published article lives at /no/such/article")
                .containsPattern("name=\"replacement\"[^>]*value=\"/no/such/article\"");
        assertThat(editor.get("/newsroom/articles/" + old).body())
                .as("and nothing changes")
                .contains("Update the published article");

        editor.post(
                "/newsroom/articles/" + old + "/unpublish",
                Map.of("replacement", "http://localhost:8080" + betterPath));
        assertThat(editor.get("/newsroom/articles/" + old).body())
                .as("the history names the replacement as staff know it, by its headline")
                .contains("replaced by “Corrected figures ");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> response = new Http(port).get(oldPath);
            assertThat(response.statusCode()).isEqualTo(301);
            assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith(betterPath);
        });
    }

    @Test
    void theDeskNamesSectionsAsTheSiteDoesAndSaysWhenEachScheduledArticleGoesOut() {
        Section asia = content.subSection(section, "Far East");
        String headline = "Embargoed census " + TestContent.unique("h");
        Map<String, String> fields = fields(headline, "Counted.", "");
        fields.put("sectionId", String.valueOf(asia.id()));
        HttpResponse<String> created = editor.submit("/newsroom/articles/new", "/newsroom/articles", fields);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        HttpResponse<String> scheduling = editor.submit(
                "/newsroom/articles/" + id,
                "/newsroom/articles/" + id + "/schedule",
                Map.of("publishAt", "2099-01-05T07:00"));
        assertThat(editor.get(scheduling.headers().firstValue("Location").orElseThrow())
                        .body())
                .as("the confirmation says when it goes out")
                .contains("Scheduled. It goes out on its own on")
                .contains(">Mon 5 Jan 2099 07.00 GMT</time>.");

        String desk = editor.get("/newsroom").body();
        String scheduled =
                desk.substring(desk.indexOf("id=\"scheduled-title\""), desk.indexOf("id=\"published-title\""));
        assertThat(scheduled)
                .as("the section by the names readers see, not its address")
                .contains("<td>Newsdesk › Far East</td>")
                .doesNotContain(asia.path())
                .contains("<th scope=\"col\">Goes out</th>")
                .contains(">Mon 5 Jan 2099 07.00 GMT</time>")
                .as("the table's caption is for screen readers: the heading above says it already")
                .contains("<caption class=\"visually-hidden\">");
    }

    @Test
    void aTimeThatHasPassedIsRefusedBesideTheFieldWithWhatWasTypedKept() {
        long id = file(editor, "Late report " + TestContent.unique("h"), "Words.");
        String version = versionOn(editor.get("/newsroom/articles/" + id).body());

        HttpResponse<String> refused = editor.submit(
                "/newsroom/articles/" + id,
                "/newsroom/articles/" + id + "/schedule",
                Map.of("publishAt", "2020-01-06T07:00"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Not scheduled. Choose a time that has not passed yet")
                .containsPattern("id=\"publishAt-error\">.*Choose a time that has not passed yet")
                .containsPattern("name=\"publishAt\"[^>]*value=\"2020-01-06T07:00\"");
        assertThat(editor.get("/newsroom/articles/" + id).body()).contains("state--draft");

        for (String impossible : List.of("+999999999-01-01T10:00", "2030-02-30T10:00", "2030-01-01T24:00")) {
            HttpResponse<String> unreadable = editor.submit(
                    "/newsroom/articles/" + id,
                    "/newsroom/articles/" + id + "/schedule",
                    Map.of("publishAt", impossible));
            assertThat(unreadable.statusCode()).as(impossible).isEqualTo(400);
            assertThat(unreadable.body())
                    .as(impossible)
                    .containsPattern(
                            "Give a date and time to publish at, such as \\d{1,2} [A-Z][a-z]+ \\d{4}, 07:00\\.")
                    .doesNotContain("2026-11-28T07:00");
        }
        assertThat(versionOn(editor.get("/newsroom/articles/" + id).body()))
                .as("a refused schedule saves no new version")
                .isEqualTo(version);
        assertThat(editor.get("/newsroom?from=%2B999999999-12-31").statusCode()).isEqualTo(400);
        assertThat(editor.get("/newsroom?to=-999999999-01-01").statusCode()).isEqualTo(400);
        assertThat(editor.get("/newsroom/articles/" + id).body()).contains("state--draft");
    }

    @Test
    void theErrorSummaryListsTheFieldsInTheFormsOrder() {
        Map<String, String> fields = fields("", "Counted.", "");
        fields.put("sectionId", "");
        HttpResponse<String> refused = editor.submit("/newsroom/articles/new", "/newsroom/articles", fields);

        String body = refused.body();
        assertThat(body).contains("class=\"error-summary\"");
        String summary = body.substring(
                body.indexOf("class=\"error-summary\""),
                body.indexOf("</ul>", body.indexOf("class=\"error-summary\"")));
        assertThat(summary).containsSubsequence("href=\"#headline\"", "href=\"#sectionId\"");
    }

    @Test
    void aSendBackNoteIsBoundedAndALongerOneIsRefusedBesideTheField() {
        long id = file(journalist, "Long story " + TestContent.unique("h"), "Words.");
        journalist.post("/newsroom/articles/" + id + "/submit", Map.of());
        assertThat(editor.get("/newsroom/articles/" + id).body())
                .containsPattern("<textarea id=\"note\" name=\"note\"[^>]*maxlength=\"2000\"");
        String note = "Needs work. ".repeat(200);

        HttpResponse<String> refused = editor.post("/newsroom/articles/" + id + "/send-back", Map.of("note", note));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .containsPattern("id=\"note-error\">.*Keep the note to 2000 characters.")
                .contains(">" + note + "</textarea>");
        assertThat(editor.get("/newsroom/articles/" + id).body())
                .as("still waiting for review")
                .contains("state--in_review");
    }

    @Test
    void aLongReadIsSavedAutosavedAndPreviewedAndABodyPastTheLimitIsRefusedBesideTheField() {
        // About 8,000 words with typographic dashes and quotes: each of those is 9 bytes in a form.
        String longRead = "The river rose — again — and “nobody” came. ".repeat(900);
        assertThat(longRead.length()).isGreaterThan(39_000);
        String headline = "The long read " + TestContent.unique("h");

        long id = file(editor, headline, longRead);
        assertThat(editor.get("/newsroom/articles/" + id).body()).contains(longRead.strip());
        Map<String, String> autosaved = fields(headline, longRead + "And then it fell.", "");
        autosaved.put("version", "1");
        assertThat(editor.post("/newsroom/articles/" + id + "/autosave", autosaved)
                        .statusCode())
                .isEqualTo(200);
        assertThat(editor.post("/newsroom/preview", Map.of("body", longRead)).body())
                .contains("The river rose");

        String tooLong = "The river rose — again — and “nobody” came. ".repeat(4_546);
        assertThat(tooLong.length()).isGreaterThan(200_000);
        HttpResponse<String> refused = saveFrom(editor, id, 2, headline, tooLong);
        assertThat(refused.statusCode())
                .as("the editor again, not the page saying it is too large")
                .isEqualTo(200);
        assertThat(refused.body())
                .containsPattern("id=\"body-error\">.*Keep the body to 200,000 characters")
                .as("the words are kept in the form")
                .contains(tooLong.strip());
        Map<String, String> tooLongAutosaved = fields(headline, tooLong, "");
        tooLongAutosaved.put("version", "2");
        HttpResponse<String> notAutosaved = editor.post("/newsroom/articles/" + id + "/autosave", tooLongAutosaved);
        assertThat(notAutosaved.statusCode()).isEqualTo(400);
        assertThat(notAutosaved.body()).contains("Keep the body to 200,000 characters");
        assertThat(versionOn(editor.get("/newsroom/articles/" + id).body()))
                .as("nothing saved")
                .isEqualTo("2");

        HttpResponse<String> longNote =
                editor.post("/newsroom/articles/" + id + "/send-back", Map.of("note", "Needs work. ".repeat(10_000)));
        assertThat(longNote.statusCode())
                .as("the article's other forms keep the usual limit")
                .isEqualTo(413);
    }

    @Test
    void aSmallFormRefusedBecauseSomeoneActedFirstKeepsWhatWasTypedAndSaysWhoDidWhat() {
        long id = file(journalist, "Ferry quote " + TestContent.unique("h"), "Words.");
        journalist.post("/newsroom/articles/" + id + "/submit", Map.of());
        editor.get("/newsroom/articles/" + id);
        otherEditor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/publish", Map.of());
        String note = "Please add the ferry operator quote and check the passenger numbers.";

        HttpResponse<String> sendBack = editor.post("/newsroom/articles/" + id + "/send-back", Map.of("note", note));

        assertThat(sendBack.statusCode()).isEqualTo(409);
        assertThat(sendBack.body())
                .as("the editor page, not the site's error page, with the note kept beside the reason")
                .contains("id=\"article-form\"")
                .containsPattern(
                        "Not sent back\\. " + Pattern.quote(otherEditorName) + " published it at \\d\\d\\.\\d\\d on ")
                .contains("id=\"note-error\"")
                .contains(">" + note + "</textarea>");

        otherEditor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/unpublish", Map.of());
        HttpResponse<String> correction = editor.post(
                "/newsroom/articles/" + id + "/corrections",
                Map.of("kind", "CLARIFICATION", "text", "The ferry runs twice a day."));
        assertThat(correction.statusCode()).isEqualTo(409);
        assertThat(correction.body())
                .contains(otherEditorName + " unpublished it at")
                .contains("id=\"correction-error\"")
                .contains(">The ferry runs twice a day.</textarea>");
    }

    @Test
    void updatingAStoryUnpublishedMeanwhileSaysPlainlyThatItIsNotOnTheSite() {
        String headline = "Pier closed " + TestContent.unique("h");
        long id = file(editor, headline, "The pier is closed.");
        editor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/publish", Map.of());
        int opened = Integer.parseInt(
                versionOn(editor.get("/newsroom/articles/" + id).body()));
        otherEditor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/unpublish", Map.of());

        assertThat(saveFrom(editor, id, opened, headline, "The pier is closed until May.")
                        .statusCode())
                .isEqualTo(302);
        assertThat(editor.get("/newsroom/articles/" + id).body())
                .doesNotContain("Updated: the site serves the change now")
                .containsPattern("Saved, but not on the site: " + Pattern.quote(otherEditorName)
                        + " unpublished it at \\d\\d\\.\\d\\d on [^.]+\\. Publish it again to put it back\\.");
    }

    @Test
    void anArticleWithNoBodyOrNoBylineIsNotPublished() {
        Map<String, String> bare = fields("Flash only " + TestContent.unique("h"), "", "");
        bare.put("bylines", "");
        HttpResponse<String> created = editor.submit("/newsroom/articles/new", "/newsroom/articles", bare);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        HttpResponse<String> refused =
                editor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/publish", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Saved, not published.")
                .contains("id=\"body-error\"")
                .contains("Write the story: readers would find only the headline.")
                .contains("id=\"bylines-error\"")
                .contains("Name who wrote it: choose at least one byline.");
        assertThat(editor.submit(
                                "/newsroom/articles/" + id,
                                "/newsroom/articles/" + id + "/schedule",
                                Map.of("publishAt", "2099-01-05T07:00"))
                        .body())
                .contains("Saved, not scheduled.");
        assertThat(editor.get("/newsroom/articles/" + id).body()).contains("state--draft");
    }

    @Test
    void anAddressMadeFromTheHeadlineFollowsItUntilFirstPublished() {
        String words = TestContent.unique("flash");
        long id = file(editor, "FLASH " + words, "Words.");
        String first = slugOn(editor.get("/newsroom/articles/" + id).body());
        assertThat(first).startsWith("flash-");

        Map<String, String> rewritten = fields("Dam closed " + words, "Words.", "");
        rewritten.put("slug", first);
        rewritten.put(
                "version", versionOn(editor.get("/newsroom/articles/" + id).body()));
        editor.post("/newsroom/articles/" + id, rewritten);

        String second = slugOn(editor.get("/newsroom/articles/" + id).body());
        assertThat(second).startsWith("dam-closed-");
        Map<String, String> typed = fields("Dam closed again " + words, "Words.", "");
        typed.put("slug", "my-own-address-" + words.toLowerCase());
        typed.put("version", versionOn(editor.get("/newsroom/articles/" + id).body()));
        editor.post("/newsroom/articles/" + id, typed);
        typed.put("headline", "Yet another headline " + words);
        typed.put("version", versionOn(editor.get("/newsroom/articles/" + id).body()));
        editor.post("/newsroom/articles/" + id, typed);
        assertThat(slugOn(editor.get("/newsroom/articles/" + id).body()))
                .as("an address typed by hand stays")
                .isEqualTo("my-own-address-" + words.toLowerCase());
    }

    @Test
    void aDateRangeTheWrongWayRoundIsSaidToBeSo() {
        HttpResponse<String> reversed = editor.get("/newsroom?from=2026-12-07&to=2026-12-01");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body())
                .contains("swap the dates")
                .doesNotContain("No articles match.")
                .contains("value=\"2026-12-07\"");
    }

    private static String slugOn(String editorPage) {
        Matcher slug = Pattern.compile("name=\"slug\" value=\"([^\"]*)\"").matcher(editorPage);
        assertThat(slug.find()).isTrue();
        return slug.group(1);
    }

    @Test
    void aJournalistStillFindsTheirStoryOnTheirDeskAfterItIsUnpublished() {
        String headline = "Withdrawn claim " + TestContent.unique("h");
        long id = file(journalist, headline, "A claim that did not stand up.");
        journalist.post("/newsroom/articles/" + id + "/submit", Map.of());
        editor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/publish", Map.of());
        editor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/unpublish", Map.of());

        String desk = journalist.get("/newsroom").body();
        assertThat(desk)
                .containsPattern("(?s)>My stories unpublished<.*" + Pattern.quote(headline) + ".*>Unpublished<")
                .contains("Nothing is published now.")
                .doesNotContain("Nothing published yet.");
    }

    @Test
    void theBodyKeepsOnlyAnAllowListedStructureAndEmbedsWaitForTheReader() {
        String headline = "Embeds " + TestContent.unique("h");
        long id = file(
                editor,
                headline,
                "Hello <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n"
                        + "[click](javascript:alert(3))\n\n"
                        + "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
                        + ">> A pull quote");
        editor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/publish", Map.of());
        String path = livePath(id);

        String body = new Http(port).get(path).body();
        String article = body.substring(
                body.indexOf("article__body"),
                body.indexOf("article__footer") > 0 ? body.indexOf("article__footer") : body.indexOf("</article>"));
        assertThat(article)
                .as("what the writer typed as markup is shown as text, never run")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=")
                .doesNotContain("javascript:")
                .doesNotContain("<iframe")
                .contains("data-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"")
                .contains("Watch it on YouTube")
                .contains("<aside class=\"pull-quote\">");
    }

    @Test
    void editorsCreateTopicsJournalistsChooseFromThoseThatExist() {
        String newTopic = "Tidal power " + TestContent.unique("t");
        HttpResponse<String> byJournalist = journalist.submit(
                "/newsroom/articles/new",
                "/newsroom/articles",
                fields("Tides " + TestContent.unique("h"), "x", newTopic));
        assertThat(byJournalist.statusCode()).isEqualTo(200);
        assertThat(byJournalist.body()).contains("There is no topic " + newTopic);

        HttpResponse<String> byEditor = editor.submit(
                "/newsroom/articles/new",
                "/newsroom/articles",
                fields("Tides " + TestContent.unique("h"), "x", newTopic));
        assertThat(byEditor.statusCode()).isEqualTo(302);
        assertThat(journalist.get("/newsroom/articles/new").body()).contains("<option value=\"" + newTopic + "\">");
    }

    private WebSession staff(TestAccounts.Credentials account) {
        WebSession session = new WebSession(port);
        TestAccounts.signInWithBothFactors(session, account);
        return session;
    }

    @Test
    void aFormWithAValueNoPageSendsIsRefusedWithoutAnErrorAndChangesNothing() {
        String headline = "Harbour wall repaired " + TestContent.unique("h");
        long id = file(journalist, headline, "The wall stands again.");
        String page = journalist.get("/newsroom/articles/" + id).body();
        // A checkbox, a select and the hidden version, each with what no browser sends from the editor page.
        Map<String, Map<String, String>> tampered = Map.of(
                "commentsEnabled", Map.of("commentsEnabled", "-1"),
                "sectionId", Map.of("sectionId", "99999999999999999999"),
                "version", Map.of("version", "latest"));

        tampered.forEach((field, values) -> {
            Map<String, String> created = fields("Never filed " + field, "Words.", "");
            created.putAll(values);
            Map<String, String> saved = fields(headline + " changed", "Other words.", "");
            saved.put("version", "1");
            saved.putAll(values);

            for (HttpResponse<String> refused : List.of(
                    journalist.submit("/newsroom/articles/new", "/newsroom/articles", created),
                    journalist.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id, saved))) {
                assertThat(refused.statusCode())
                        .as("%s: %s", field, refused.body())
                        .isEqualTo(400);
                assertThat(refused.body()).contains("reload the page and try again");
            }
        });
        assertThat(journalist.get("/newsroom").body()).doesNotContain("Never filed");
        String after = journalist.get("/newsroom/articles/" + id).body();
        assertThat(versionOn(after)).as("the article's version").isEqualTo(versionOn(page));
        assertThat(after).contains(headline).doesNotContain(headline + " changed");
    }

    private static String versionOn(String editorPage) {
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(editorPage);
        assertThat(version.find()).as("the editor page carries the version").isTrue();
        return version.group(1);
    }

    private long file(WebSession who, String headline, String body) {
        HttpResponse<String> created =
                who.submit("/newsroom/articles/new", "/newsroom/articles", fields(headline, body, ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Map<String, String> fields(String headline, String body, String topic) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", headline);
        fields.put("standfirst", "What it means for readers.");
        fields.put("body", body);
        fields.put("sectionId", String.valueOf(section.id()));
        fields.put("bylines", author.name());
        fields.put("topics", topic);
        fields.put("seoTitle", "Search: " + headline);
        fields.put("commentsEnabled", "true");
        return fields;
    }

    /** Saves from the version the editor page shows now. */
    private HttpResponse<String> save(WebSession who, long id, String headline, String body) {
        String page = who.get("/newsroom/articles/" + id).body();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        int base = version.find() ? Integer.parseInt(version.group(1)) : 1;
        return saveFrom(who, id, base, headline, body);
    }

    private HttpResponse<String> saveFrom(WebSession who, long id, int version, String headline, String body) {
        Map<String, String> fields = fields(headline, body, "");
        fields.put("version", String.valueOf(version));
        who.get("/newsroom/articles/new");
        return who.post("/newsroom/articles/" + id, fields);
    }

    private String livePath(long id) {
        Matcher link = LIVE_LINK.matcher(editor.get("/newsroom/articles/" + id).body());
        assertThat(link.find())
                .as("a published article links to itself on the site")
                .isTrue();
        return link.group(1);
    }
}
