package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.mail.Mailbox;
import org.masthead.newsroom.TestContent;
import org.masthead.platform.TestPictures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A newcomer opens an account on a site with no mail server: an admin finds the confirmation mail
 * in the mailbox, the reader follows its link, signs in and out.
 */
@BrowserJourney
class AccountJourneyBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    Mailbox mailbox;

    /** The path and query of the first link in a mail's text that starts with this path. */
    private static String linkIn(String text, String pathPrefix) {
        int start = text.indexOf(pathPrefix);
        assertThat(start).as("a link to %s in:%n%s", pathPrefix, text).isNotNegative();
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    @Test
    void readerRegistersConfirmsTheAddressThroughTheMailboxSignsInEditsTheProfileAndSignsOut(
            Browser reader, Browser admin) throws IOException {
        String email = TestContent.unique("newcomer") + "@example.com";
        String name = TestContent.unique("Newcomer");

        reader.open("/");
        reader.follow(By.linkText("Register"));
        reader.find(By.id("email")).sendKeys(email);
        reader.find(By.id("displayName")).sendKeys(name);
        reader.find(By.id("password")).sendKeys("a very long and private passphrase");
        reader.screenshot("register");
        reader.follow(By.cssSelector("main button[type=submit]"));
        assertThat(reader.heading()).isEqualTo("Check your e-mail");
        reader.screenshot("check-email");

        TestAccounts.Credentials staff = accounts.create(true, Role.ADMIN);
        admin.signIn(staff);
        admin.open("/admin/mailbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        // A staff area asks for a second factor: a one-time link sent to the admin's own address.
        assertThat(admin.heading()).isEqualTo("One more step for staff areas");
        admin.screenshot("second-factor");
        admin.follow(By.xpath("//button[normalize-space()='E-mail me the link']"));
        String adminLink =
                linkIn(mailbox.lastTo(staff.email()).orElseThrow().mail().text(), "/signin/link?token=");
        admin.open(adminLink);
        admin.follow(By.xpath("//button[normalize-space()='Sign in']"));
        assertThat(admin.path()).startsWith("/admin/mailbox");
        admin.screenshot("mailbox");
        admin.follow(By.linkText("Confirm your e-mail address"));
        admin.screenshot("mailbox-message");
        String link = admin.findAll(By.cssSelector("a")).stream()
                .map(a -> a.getAttribute("href"))
                .filter(href -> href != null && href.contains("/account/verify?token="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The mail in the mailbox has no confirmation link"));

        reader.open(link.substring(link.indexOf("/account/verify")));
        assertThat(reader.heading()).isEqualTo("Your address is confirmed");
        reader.screenshot("verified");

        reader.open("/signin");
        reader.find(By.id("email")).sendKeys(email);
        reader.find(By.id("password")).sendKeys("a very long and private passphrase");
        reader.screenshot("signin");
        reader.follow(By.cssSelector("main button[type=submit]"));
        // Registered from the front page's Register link, the reader is taken back to where they were.
        assertThat(reader.path()).isEqualTo("/");
        reader.open("/account");
        assertThat(reader.heading()).isEqualTo("Your account");
        assertThat(reader.find(By.tagName("main")).getText()).contains(name).contains("Confirmed");
        reader.screenshot("account");

        reader.follow(By.cssSelector("a[href='/account/profile']"));
        reader.find(By.id("bio")).sendKeys("New here, and glad to be.");
        Path photo = Files.createTempFile("masthead-journey-", ".jpg");
        Files.write(
                photo, TestPictures.jpegWithExif(TestPictures.halves(800, 600, BufferedImage.TYPE_INT_RGB), 1, "Home"));
        reader.find(By.id("avatar")).sendKeys(photo.toAbsolutePath().toString());
        reader.submitAndReturn(By.xpath("//button[text()='Save profile']"));
        assertThat(reader.find(By.cssSelector(".notice")).getText()).isEqualTo("Your profile is saved.");
        assertThat(reader.find(By.id("bio")).getAttribute("value")).isEqualTo("New here, and glad to be.");
        reader.screenshot("journey-profile");
        Files.delete(photo);

        reader.open("/");
        WebElement named = new WebDriverWait(reader.driver(), Duration.ofSeconds(5))
                .until(d -> d.findElement(By.cssSelector("[data-account] a"))
                                .getText()
                                .equals(name)
                        ? d.findElement(By.cssSelector("[data-account] a"))
                        : null);
        reader.follow(named);
        reader.follow(By.xpath("//button[normalize-space()='Sign out']"));
        assertThat(reader.path()).isEqualTo("/");
        assertThat(reader.find(By.cssSelector("[data-account]")).getText()).contains("Sign in");
        reader.open("/account");
        assertThat(reader.path()).isEqualTo("/signin");
    }

    @Test
    void signInWithTheWrongPasswordSaysSoWithoutSayingWhichWasWrong(Browser reader) {
        TestAccounts.Credentials account = accounts.create(true);

        reader.open("/signin");
        reader.find(By.id("email")).sendKeys(account.email());
        reader.find(By.id("password")).sendKeys("not the password at all");
        reader.follow(By.cssSelector("main button[type=submit]"));

        assertThat(reader.find(By.cssSelector("[role=alert]")).getText()).contains("do not match an account");
        reader.screenshot("signin-error");
    }

    @Test
    void aNewcomerReadsHowTheirInformationIsUsedBeforeRegistering(Browser reader) {
        reader.open("/register");
        reader.follow(By.cssSelector("main a[href='/privacy']"));

        assertThat(reader.heading()).isEqualTo("How we use your information");
        assertThat(reader.find(By.cssSelector("main a[href='/account/delete']")).getText())
                .isEqualTo("Delete your account");
        reader.screenshot("privacy");
    }

    @Test
    void registrationMistakesAreExplainedNextToEachField(Browser reader) {
        reader.open("/register");
        reader.find(By.id("email")).sendKeys("not an address");
        reader.find(By.id("displayName")).sendKeys("ab");
        reader.find(By.id("password")).sendKeys("password");
        reader.find(By.cssSelector("main button[type=submit]")).click();
        new WebDriverWait(reader.driver(), Duration.ofSeconds(5))
                .until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        reader.checkAccessibility();

        assertThat(reader.find(By.cssSelector(".error-summary")).getText())
                .contains("Enter an e-mail address like")
                .contains("Use 3 to 30 characters.")
                .contains("Use at least 10 characters.");
        assertThat(reader.find(By.id("displayName")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        reader.screenshot("register-errors");
    }
}
