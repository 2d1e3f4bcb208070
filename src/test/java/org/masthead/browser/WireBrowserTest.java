package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.mail.Mailbox;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.masthead.newsroom.TestWires;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** An editor reads the wire, opens an agency story, has it as a draft in one click, and publishes it. */
@BrowserJourney
class WireBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    TestWires wires;

    @Autowired
    Mailbox mailbox;

    @Test
    void anEditorTurnsAWireStoryIntoAPublishedStory(Browser editor) {
        Section section = content.section("Wire journey");
        String guid = TestContent.unique("urn:browser:wire");
        String headline = "Tidal barrier closes as storm surge nears the coast";
        wires.drop(
                guid.replace(':', '-') + ".xml",
                TestWires.newsMl(guid, 2, headline, "The barrier's ten gates closed at 4pm.")
                        .getBytes(StandardCharsets.UTF_8));
        wires.drop(TestContent.unique("broken") + ".json", "{\"uri\": \"cut off".getBytes(StandardCharsets.UTF_8));
        wires.takeWaiting();
        TestAccounts.Credentials staff = accounts.create(true, Role.EDITOR);
        StaffSignIn.withBothFactors(editor, mailbox, staff, "/newsroom/wires");

        assertThat(editor.heading()).isEqualTo("Wire");
        assertThat(editor.find(By.cssSelector(".wire-list tbody")).getText())
                .contains(headline)
                .contains("Test Press");
        assertThat(editor.find(By.cssSelector(".wire-quarantine")).getText()).contains("not well-formed JSON");
        editor.screenshot("newsroom-wires");

        editor.follow(By.linkText(headline));
        assertThat(editor.heading()).isEqualTo(headline);
        assertThat(editor.find(By.cssSelector(".wire-copy")).getText())
                .contains("The barrier's ten gates closed at 4pm.");
        editor.screenshot("newsroom-wire-story");

        // No section is chosen for the editor: the first on the list is not a default.
        assertThat(new Select(editor.find(By.id("sectionId")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Choose a section");
        new Select(editor.find(By.id("sectionId"))).selectByVisibleText(section.name());
        editor.follow(By.xpath("//button[normalize-space()='Make a draft']"));

        assertThat(editor.path()).matches("/newsroom/articles/\\d+");
        assertThat(editor.find(By.id("headline")).getDomProperty("value")).isEqualTo(headline);
        assertThat(editor.find(By.id("body")).getDomProperty("value"))
                .contains("The barrier's ten gates closed at 4pm.");
        assertThat(editor.find(By.cssSelector(".notice")).getText()).startsWith("Draft made from the wire");
        assertThat(editor.find(By.cssSelector(".wire-origin a")).getText())
                .as("the link back names the version the draft holds")
                .isEqualTo("Test Press, agency version 2");
        editor.screenshot("newsroom-wire-draft");

        editor.submitAndReturn(By.xpath("//button[normalize-space()='Publish now']"));
        editor.follow(By.linkText("See it on the site"));
        assertThat(editor.heading()).isEqualTo(headline);
        assertThat(editor.find(By.cssSelector(".article__body")).getText())
                .contains("The barrier's ten gates closed at 4pm.");
        editor.screenshot("newsroom-wire-published");
    }
}
