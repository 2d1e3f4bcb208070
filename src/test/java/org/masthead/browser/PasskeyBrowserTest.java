package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reader adds a passkey on the account page, signs out, and signs back in with the passkey alone,
 * using Chromium's virtual authenticator in place of a device.
 */
@BrowserJourney
class PasskeyBrowserTest {

    @Autowired
    TestAccounts accounts;

    /** Signs in with the password, then adds a passkey on the account page. */
    private static void signInAndAddAPasskey(Browser browser, TestAccounts.Credentials credentials) {
        browser.signIn(credentials);

        browser.find(By.id("passkey-label")).clear();
        browser.find(By.id("passkey-label")).sendKeys("Test laptop");
        browser.find(By.id("passkey-add")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver ->
                        !driver.findElements(By.cssSelector("[data-passkeys]")).isEmpty());
        assertThat(browser.find(By.cssSelector("[data-passkeys]")).getText()).contains("Test laptop");
    }

    @Test
    void readerAddsAPasskeyAndSignsInWithIt(Browser reader) {
        TestAccounts.Credentials credentials = accounts.create(true);
        VirtualAuthenticator authenticator = reader.addPasskeyAuthenticator();
        try {
            signInAndAddAPasskey(reader, credentials);
            assertThat(authenticator.getCredentials()).hasSize(1);

            reader.follow(By.xpath("//button[normalize-space()='Sign out']"));
            // Asked to sign in by a page that needs an account, the reader is taken back to it.
            reader.open("/account/profile");
            reader.find(By.id("passkey-signin")).click();
            new WebDriverWait(reader.driver(), Duration.ofSeconds(10))
                    .until(driver -> driver.getCurrentUrl().endsWith("/account/profile"));
            assertThat(reader.heading()).isEqualTo("Your profile");
            reader.screenshot("passkey");
        } finally {
            reader.removePasskeyAuthenticator(authenticator);
        }
    }

    @Test
    void aPasskeyIsAStaffMembersSecondFactor(Browser admin) {
        TestAccounts.Credentials staff = accounts.create(true, Role.ADMIN);
        VirtualAuthenticator authenticator = admin.addPasskeyAuthenticator();
        try {
            signInAndAddAPasskey(admin, staff);
            admin.open("/admin/mailbox");
            assertThat(admin.heading()).isEqualTo("One more step for staff areas");
            admin.find(By.id("passkey-signin")).click();
            new WebDriverWait(admin.driver(), Duration.ofSeconds(10))
                    .until(driver -> driver.getCurrentUrl().contains("/admin/mailbox"));
            assertThat(admin.path()).startsWith("/admin/mailbox");
        } finally {
            admin.removePasskeyAuthenticator(authenticator);
        }
    }

    @Test
    void someoneElsesPasskeyIsNotAStaffMembersSecondFactor(Browser shared) {
        TestAccounts.Credentials reader = accounts.create(true);
        TestAccounts.Credentials staff = accounts.create(true, Role.ADMIN);
        VirtualAuthenticator authenticator = shared.addPasskeyAuthenticator();
        try {
            // A shared device holds the reader's passkey; the admin has none of their own.
            signInAndAddAPasskey(shared, reader);
            shared.follow(By.xpath("//button[normalize-space()='Sign out']"));
            shared.signIn(staff);
            shared.open("/admin/mailbox");
            assertThat(shared.heading()).isEqualTo("One more step for staff areas");

            shared.find(By.id("passkey-signin")).click();
            new WebDriverWait(shared.driver(), Duration.ofSeconds(10))
                    .until(driver -> driver.findElement(By.id("passkey-error")).isDisplayed());

            assertThat(shared.find(By.id("passkey-error")).getText()).contains("could not sign you in with a passkey");
            // Still the admin, still waiting for their own second factor: not the reader, in a staff area.
            shared.open("/account");
            assertThat(shared.driver().getPageSource()).contains(staff.email()).doesNotContain(reader.email());
            shared.open("/admin/mailbox");
            assertThat(shared.heading()).isEqualTo("One more step for staff areas");
        } finally {
            shared.removePasskeyAuthenticator(authenticator);
        }
    }
}
