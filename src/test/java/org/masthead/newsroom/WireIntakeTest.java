package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.internal.wire.WireRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Agency copy as it arrives: files in the wire folder and posts to the wire API, new versions and
 * duplicates, every kind of bad file put aside with its reason while the next is taken, and a story
 * turned into a draft.
 */
@MastheadTest
class WireIntakeTest {

    private static final Pattern ARTICLE = Pattern.compile("/newsroom/articles/(\\d+)$");

    @LocalServerPort
    int port;

    @Autowired
    TestWires wires;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    @Test
    void filesOfEveryFormatAreTakenInOnceAndLeaveTheFolder() {
        String json = TestContent.unique("urn:test:json");
        String xml = TestContent.unique("urn:test:xml");
        String text = TestContent.unique("text-story");
        Path first = wires.drop(json + ".json", bytes(TestWires.ninjs(json, 1, "Ninjs story", "One.\n\nTwo.")));
        Path second = wires.drop(xml + ".xml", bytes(TestWires.newsMl(xml, 1, "NewsML story", "Only paragraph.")));
        Path third = wires.drop(text + ".txt", bytes("Plain story\n\nIts body."));

        wires.takeWaiting();

        assertThat(wires.story(json).orElseThrow().body()).isEqualTo("One.\n\nTwo.");
        assertThat(wires.story(json).orElseThrow().agency()).isEqualTo("Test Press");
        assertThat(wires.story(xml).orElseThrow().urgency()).isEqualTo(2);
        assertThat(wires.story("text:" + text).orElseThrow().headline()).isEqualTo("Plain story");
        assertThat(wires.story("text:" + text).orElseThrow().agency()).isEqualTo("Wire");
        assertThat(List.of(first, second, third)).noneMatch(Files::exists);
    }

    @Test
    void aNewerVersionUpdatesTheStoryAndKeepsTheOlderOneWhileTheSameWordsAgainChangeNothing() {
        String guid = TestContent.unique("urn:test:versions");
        wires.drop(guid + "-1.json", bytes(TestWires.ninjs(guid, 1, "First take", "Early words.")));
        wires.takeWaiting();
        wires.drop(guid + "-2.xml", bytes(TestWires.newsMl(guid, 2, "Second take", "Fuller words.")));
        wires.drop(guid + "-again.json", bytes(TestWires.ninjs(guid, 1, "First take", "Early words.")));
        wires.takeWaiting();

        WireRepository.Item story = wires.story(guid).orElseThrow();
        assertThat(story.version()).isEqualTo(2);
        assertThat(story.headline()).isEqualTo("Second take");
        assertThat(wires.versions(guid))
                .extracting(WireRepository.Version::version, WireRepository.Version::headline)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "Second take"),
                        org.assertj.core.groups.Tuple.tuple(1, "First take"));

        // An older version arriving late goes into the history and leaves the queue's text alone.
        wires.drop(guid + "-late.json", bytes(TestWires.ninjs(guid, 1, "First take, corrected", "Early words.")));
        wires.takeWaiting();
        assertThat(wires.story(guid).orElseThrow().headline()).isEqualTo("Second take");
        assertThat(wires.versions(guid)).hasSize(3);
    }

    @Test
    void plainTextSentAgainUnderItsNameIsItsNextVersion() {
        String name = TestContent.unique("council-vote");
        wires.drop(name + ".txt", bytes("Council to vote on budget\n\nThe vote is on Thursday."));
        wires.takeWaiting();
        wires.drop(name + ".txt", bytes("Council approves budget\n\nThe vote was 31 to 20."));
        wires.takeWaiting();
        wires.drop(name + ".txt", bytes("Council approves budget\n\nThe vote was 31 to 20."));
        wires.takeWaiting();

        WireRepository.Item story = wires.story("text:" + name).orElseThrow();
        assertThat(story.version()).isEqualTo(2);
        assertThat(story.headline()).isEqualTo("Council approves budget");
        assertThat(wires.versions("text:" + name)).hasSize(2);
    }

    @Test
    void everyKindOfBadFileIsPutAsideWithItsReasonAndTheNextFileIsStillTaken() throws Exception {
        String prefix = TestContent.unique("bad");
        byte[] garbage = new byte[4096];
        new Random(15).nextBytes(garbage);
        garbage[0] = (byte) 0xFE;
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol%d \"%s\">".formatted(i, ("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)));
        }
        laughs.append("]><newsItem guid=\"x\"><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>");
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put(prefix + "-malformed.json", bytes("{\"uri\": \"x\", \"headline\": \"Cut off"));
        bad.put(prefix + "-malformed.xml", bytes("<newsItem guid=\"x\"><contentMeta><headline>Open</contentMeta>"));
        bad.put(
                prefix + "-xxe.xml",
                bytes("<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY s SYSTEM \"file:///etc/passwd\">]>"
                        + "<newsItem guid=\"x\"><contentMeta><headline>&s;</headline></contentMeta></newsItem>"));
        bad.put(prefix + "-laughs.xml", bytes(laughs.toString()));
        bad.put(prefix + "-oversize.txt", bytes("Huge\n\n" + "word ".repeat(220_000)));
        bad.put(prefix + "-garbage.json", garbage);
        bad.put(prefix + "-empty.txt", new byte[0]);
        bad.put(prefix + "-unknown.doc", bytes("A word processor's file"));
        bad.forEach(wires::drop);
        String good = TestContent.unique("urn:test:after-bad");
        wires.drop("zz-" + prefix + "-good.json", bytes(TestWires.ninjs(good, 1, "Still taken", "Words.")));

        wires.takeWaiting();

        Map<String, String> reasons = Map.of(
                "-malformed.json", "not well-formed JSON",
                "-malformed.xml", "not well-formed XML",
                "-xxe.xml", "DOCTYPE",
                "-laughs.xml", "DOCTYPE",
                "-oversize.txt", "masthead.wires.max-size",
                "-garbage.json", "not text in UTF-8",
                "-empty.txt", "It is empty.",
                "-unknown.doc", "We do not know its kind");
        for (var expected : reasons.entrySet()) {
            String name = prefix + expected.getKey();
            List<WireRepository.Quarantined> aside = wires.quarantined(name);
            assertThat(aside).as(name).hasSize(1);
            assertThat(aside.getFirst().reason()).as(name).contains(expected.getValue());
            Path kept = wires.quarantine().resolve(aside.getFirst().storedAs());
            assertThat(kept).as(name + " kept as it came").exists().hasBinaryContent(bad.get(name));
            assertThat(Files.readString(
                            wires.quarantine().resolve(aside.getFirst().storedAs() + ".reason.txt")))
                    .contains(expected.getValue());
            assertThat(wires.incoming().resolve(name)).doesNotExist();
        }
        assertThat(wires.story(good)).as("the file after the bad ones").isPresent();
        assertThat(wires.story("x")).as("nothing of the bad files").isEmpty();

        WebSession editor = staff(Role.EDITOR);
        String page = editor.get("/newsroom/wires").body();
        assertThat(page).contains(prefix + "-xxe.xml").contains("declares a document type (DOCTYPE)");
    }

    @Test
    void aMessageWithOneBadItemIsTakenInNotAtAll() {
        String guid = TestContent.unique("urn:test:half");
        String message =
                """
                <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
                  <newsItem guid="%s" version="1"><contentMeta><headline>Good one</headline></contentMeta></newsItem>
                  <newsItem guid="%s-b" version="1"><contentMeta><urgency>99</urgency><headline>Bad</headline></contentMeta></newsItem>
                </itemSet></newsMessage>"""
                        .formatted(guid, guid);
        String name = guid.replace(':', '-') + ".xml";
        wires.drop(name, bytes(message));

        wires.takeWaiting();

        assertThat(wires.story(guid)).isEmpty();
        assertThat(wires.quarantined(name).getFirst().reason()).contains("urgency");
    }

    @Test
    void theApiTakesCopyWithTheRightTokenOnly() {
        WebSession agency = new WebSession(port);
        String guid = TestContent.unique("urn:test:api");
        byte[] story = bytes(TestWires.ninjs(guid, 1, "From the API", "Sent by a program."));

        HttpResponse<String> missing = agency.postBody("/api/wires", "application/json", story);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(missing.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer");
        HttpResponse<String> wrong =
                agency.postBody("/api/wires", "application/json", story, "Authorization", "Bearer not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wires.story(guid)).isEmpty();

        HttpResponse<String> taken =
                agency.postBody("/api/wires", "application/json", story, "Authorization", "Bearer " + TestWires.TOKEN);
        assertThat(taken.statusCode()).isEqualTo(201);
        assertThat(taken.body()).contains("\"outcome\":\"created\"").contains(guid);
        assertThat(wires.story(guid).orElseThrow().headline()).isEqualTo("From the API");
        assertThat(wires.versions(guid).getFirst().source()).isEqualTo("API");

        HttpResponse<String> again =
                agency.postBody("/api/wires", "application/json", story, "Authorization", "Bearer " + TestWires.TOKEN);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"outcome\":\"duplicate\"");

        HttpResponse<String> newer = agency.postBody(
                "/api/wires",
                "application/xml",
                bytes(TestWires.newsMl(guid, 2, "From the API, updated", "More.")),
                "Authorization",
                "Bearer " + TestWires.TOKEN);
        assertThat(newer.statusCode()).isEqualTo(201);
        assertThat(newer.body()).contains("\"outcome\":\"updated\"");

        HttpResponse<String> text = agency.postBody(
                "/api/wires?name=" + guid.replace(':', '-'),
                "text/plain; charset=utf-8",
                bytes("Plain from the API\n\nWords."),
                "Authorization",
                "Bearer " + TestWires.TOKEN);
        assertThat(text.statusCode()).isEqualTo(201);
    }

    @Test
    void theApiTakesAStoryLongerThanAnyFormUpToTheWireLimit() {
        String guid = TestContent.unique("urn:test:long");
        String body = ("A long paragraph of agency copy that goes on. ".repeat(40) + "\n\n").repeat(100);
        byte[] story = bytes(TestWires.ninjs(guid, 1, "A long read", body));
        assertThat(story.length).as("more than masthead.web.max-body-size").isGreaterThan(64 * 1024);

        HttpResponse<String> taken = new WebSession(port)
                .postBody("/api/wires", "application/json", story, "Authorization", "Bearer " + TestWires.TOKEN);

        assertThat(taken.statusCode()).isEqualTo(201);
        assertThat(wires.story(guid).orElseThrow().body().split("\n\n")).hasSize(100);
    }

    @Test
    void theApiRefusesBadCopyAndKeepsNothing() {
        WebSession agency = new WebSession(port);
        String token = "Bearer " + TestWires.TOKEN;

        HttpResponse<String> malformed = agency.postBody(
                "/api/wires", "application/json", bytes("{\"uri\": \"urn:x\","), "Authorization", token);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(malformed.body()).contains("not well-formed JSON");

        HttpResponse<String> xxe = agency.postBody(
                "/api/wires",
                "application/xml",
                bytes("<!DOCTYPE n [<!ENTITY s SYSTEM \"file:///etc/passwd\">]><newsItem guid=\"urn:xxe\">"
                        + "<contentMeta><headline>&s;</headline></contentMeta></newsItem>"),
                "Authorization",
                token);
        assertThat(xxe.statusCode()).isEqualTo(400);
        assertThat(xxe.body()).contains("DOCTYPE").doesNotContain("root:");
        assertThat(wires.story("urn:xxe")).isEmpty();

        HttpResponse<String> other =
                agency.postBody("/api/wires", "application/pdf", bytes("%PDF-1.7"), "Authorization", token);
        assertThat(other.statusCode()).isEqualTo(415);
        assertThat(other.body())
                .as("the types it takes are named, not JSON alone")
                .contains("application/xml")
                .contains("text/plain")
                .contains("application/json");

        HttpResponse<String> tooLarge = agency.postBody(
                "/api/wires", "text/plain", bytes("Huge\n\n" + "word ".repeat(220_000)), "Authorization", token);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        HttpResponse<String> tooLargeChunked = agency.postChunked(
                "/api/wires", "text/plain", bytes("Huge\n\n" + "word ".repeat(220_000)), "Authorization", token);
        assertThat(tooLargeChunked.statusCode()).isEqualTo(413);
    }

    @Test
    void oneClickMakesADraftCreditingTheReporterAndAgencyThatLinksBackToTheStory() {
        Section section = content.section("Wire desk");
        String guid = TestContent.unique("urn:test:draft");
        String reporter = "Reporter " + TestContent.unique("Ostrowski").replaceAll("[^A-Za-z]", "");
        wires.drop(
                guid.replace(':', '-') + ".json",
                bytes(TestWires.ninjs(
                                guid,
                                1,
                                "Bridge reopens after *repairs*",
                                "Traffic resumed at 6am.\n\n<b>Not bold</b>.")
                        .replace("\"urgency\"", "\"byline\": \"By " + reporter + " in Gdańsk\", \"urgency\"")));
        wires.takeWaiting();
        long storyId = wires.story(guid).orElseThrow().id();
        WebSession journalist = staff(Role.JOURNALIST);

        assertThat(journalist.get("/newsroom/wires").body()).contains("Bridge reopens after *repairs*");
        HttpResponse<String> unfiled =
                journalist.submit("/newsroom/wires/" + storyId, "/newsroom/wires/" + storyId + "/draft", Map.of());
        assertThat(journalist
                        .get(unfiled.headers().firstValue("Location").orElseThrow())
                        .body())
                .as("no section is chosen for them: the first on the list is not a default")
                .contains("No draft made. Choose the section the draft is filed in.");
        HttpResponse<String> made = journalist.submit(
                "/newsroom/wires/" + storyId,
                "/newsroom/wires/" + storyId + "/draft",
                Map.of("sectionId", String.valueOf(section.id())));

        assertThat(made.statusCode()).isEqualTo(302);
        Matcher article = ARTICLE.matcher(made.headers().firstValue("Location").orElseThrow());
        assertThat(article.find()).isTrue();
        String editor = journalist.get("/newsroom/articles/" + article.group(1)).body();
        assertThat(editor)
                .contains("value=\"Bridge reopens after *repairs*\"")
                .containsSubsequence("value=\"" + reporter + "\"", "value=\"Test Press\"")
                .contains("From the wire:")
                .contains("href=\"/newsroom/wires/" + storyId + "\"")
                .contains("\\&lt;b\\&gt;Not bold\\&lt;/b\\&gt;");
        assertThat(wires.story(guid).orElseThrow().articleId()).isEqualTo(Long.parseLong(article.group(1)));

        HttpResponse<String> again = journalist.post("/newsroom/wires/" + storyId + "/draft", Map.of());
        assertThat(again.headers().firstValue("Location").orElseThrow())
                .as("a second click opens the same draft")
                .endsWith("/newsroom/articles/" + article.group(1));
    }

    @Test
    void aDraftSaysWhenTheAgencyHasSentANewerVersionThanTheOneItWasMadeFrom() {
        Section section = content.section("Wire desk");
        String guid = TestContent.unique("urn:test:newer");
        wires.drop(guid + "-2.json", bytes(TestWires.ninjs(guid, 2, "Strike talks resume", "Ships queue.")));
        wires.takeWaiting();
        long storyId = wires.story(guid).orElseThrow().id();
        WebSession editor = staff(Role.EDITOR);
        HttpResponse<String> made = editor.submit(
                "/newsroom/wires/" + storyId,
                "/newsroom/wires/" + storyId + "/draft",
                Map.of("sectionId", String.valueOf(section.id())));
        String draft = made.headers().firstValue("Location").orElseThrow();
        assertThat(editor.get(draft).body())
                .contains("Test Press, agency version 2")
                .doesNotContain("data-wire-newer");

        wires.drop(
                guid + "-3.json", bytes(TestWires.ninjs(guid, 3, "Strike ends after overnight deal", "Ships sail.")));
        wires.takeWaiting();

        assertThat(editor.get(draft).body())
                .as("the draft still holds version 2's words, and says so")
                .contains("value=\"Strike talks resume\"")
                .contains("Test Press, agency version 2")
                .contains("data-wire-newer")
                .contains("The agency has sent a newer version (3,")
                .contains("headed “Strike ends after overnight deal”) since this draft was made from version 2.");
        assertThat(editor.get("/newsroom/wires/" + storyId).body())
                .contains("It was made from version 2; the words here are version 3, sent since.");
    }

    @Test
    void aColleagueIsToldWhoHasAStoryAlreadyDraftedAndNotLedToAPageThatRefusesThem() {
        Section section = content.section("Wire desk");
        String guid = TestContent.unique("urn:test:flash");
        wires.drop(guid.replace(':', '-') + ".json", bytes(TestWires.ninjs(guid, 1, "FLASH: Dam closed", "")));
        wires.takeWaiting();
        long storyId = wires.story(guid).orElseThrow().id();
        TestAccounts.Credentials editorAccount = accounts.create(true, Role.EDITOR);
        WebSession editor = new WebSession(port);
        TestAccounts.signInWithBothFactors(editor, editorAccount);
        HttpResponse<String> made = editor.submit(
                "/newsroom/wires/" + storyId,
                "/newsroom/wires/" + storyId + "/draft",
                Map.of("sectionId", String.valueOf(section.id())));
        String draft =
                editor.get(made.headers().firstValue("Location").orElseThrow()).body();
        assertThat(draft)
                .as("the agency's alert is for the desk, not the headline or the address made from it")
                .contains("value=\"Dam closed\"")
                .doesNotContain("value=\"FLASH");

        WebSession journalist = staff(Role.JOURNALIST);
        assertThat(journalist.get("/newsroom/wires/" + storyId).body())
                .contains("It is a draft already: " + editorAccount.displayName() + " is working on it.")
                .doesNotContain("open the draft");
        assertThat(journalist.get("/newsroom/wires").body())
                .contains(editorAccount.displayName() + " has it")
                .doesNotContain(made.headers().firstValue("Location").orElseThrow());
        // As from a page opened before the editor made the draft, which still had the button.
        HttpResponse<String> again = journalist.submit(
                "/newsroom/articles/new",
                "/newsroom/wires/" + storyId + "/draft",
                Map.of("sectionId", String.valueOf(section.id())));
        assertThat(again.headers().firstValue("Location").orElseThrow())
                .as("back to the story, not to a draft that answers 403")
                .endsWith("/newsroom/wires/" + storyId);
    }

    @Test
    void theQueueIsSearchedByWordsAndForReadersItIsNotThere() {
        String word = TestContent.unique("zebracrossing").replace("-", "");
        String guid = TestContent.unique("urn:test:search");
        wires.drop(guid.replace(':', '-') + ".json", bytes(TestWires.ninjs(guid, 1, "Headline " + word, "Body.")));
        wires.takeWaiting();
        WebSession editor = staff(Role.EDITOR);

        assertThat(editor.get("/newsroom/wires?q=" + word).body()).contains("Headline " + word);
        assertThat(editor.get("/newsroom/wires?q=nosuchwordanywhere").body()).contains("No wire story matches.");
        HttpResponse<String> tooLong = editor.get("/newsroom/wires?q=" + "word+".repeat(50));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("make sense of that request");
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, accounts.create(true));
        assertThat(reader.get("/newsroom/wires").statusCode()).isEqualTo(403);
    }

    private WebSession staff(Role role) {
        WebSession session = new WebSession(port);
        TestAccounts.signInWithBothFactors(session, accounts.create(true, role));
        return session;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
