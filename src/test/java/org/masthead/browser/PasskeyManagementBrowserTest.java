package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Passkeys on the account page say what was done: adding one is confirmed, removing one is asked first
 * and confirmed after. A staff member who signs in with a passkey is asked for just the password on the
 * way to a staff area. Chromium's virtual authenticator stands in for a device.
 */
@BrowserJourney
class PasskeyManagementBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    TestAccounts accounts;

    private static void addPasskey(Browser browser, String label) {
        browser.find(By.id("passkey-label")).clear();
        browser.find(By.id("passkey-label")).sendKeys(label);
        browser.find(By.id("passkey-add")).click();
        new WebDriverWait(browser.driver(), WAIT)
                .until(driver ->
                        !driver.findElements(By.cssSelector("[data-passkeys]")).isEmpty());
    }

    @Test
    void addingAndRemovingAPasskeySaysWhatWasDoneAndRemovingAsksFirst(Browser reader) {
        VirtualAuthenticator authenticator = reader.addPasskeyAuthenticator();
        try {
            reader.signIn(accounts.create(true));
            addPasskey(reader, "Test laptop");
            assertThat(reader.find(By.id("passkey-notice")).getText())
                    .isEqualTo("Passkey \u201cTest laptop\u201d added. You can now sign in with it.");

            reader.find(By.cssSelector("[data-passkey-remove]")).click();
            Alert asked = new WebDriverWait(reader.driver(), WAIT).until(ExpectedConditions.alertIsPresent());
            assertThat(asked.getText())
                    .isEqualTo("Remove the passkey \u201cTest laptop\u201d? You will not be able to sign in with it.");
            asked.dismiss();
            assertThat(reader.find(By.cssSelector("[data-passkeys]")).getText())
                    .as("nothing is removed unless the reader confirms")
                    .contains("Test laptop");

            reader.find(By.cssSelector("[data-passkey-remove]")).click();
            new WebDriverWait(reader.driver(), WAIT)
                    .until(ExpectedConditions.alertIsPresent())
                    .accept();
            new WebDriverWait(reader.driver(), WAIT)
                    .until(driver -> driver.findElements(By.cssSelector("[data-passkeys]"))
                            .isEmpty());
            assertThat(reader.find(By.id("passkey-notice")).getText())
                    .isEqualTo("Passkey \u201cTest laptop\u201d removed. You can no longer sign in with it.");
            assertThat(reader.find(By.tagName("main")).getText()).contains("You have no passkeys yet.");
            reader.screenshot("passkey-removed");
        } finally {
            reader.removePasskeyAuthenticator(authenticator);
        }
    }

    @Test
    void aStaffMemberSignedInWithAPasskeyIsAskedForJustThePassword(Browser admin) {
        TestAccounts.Credentials staff = accounts.create(true, Role.ADMIN);
        VirtualAuthenticator authenticator = admin.addPasskeyAuthenticator();
        try {
            admin.signIn(staff);
            addPasskey(admin, "Admin key");
            admin.follow(By.xpath("//button[normalize-space()='Sign out']"));

            admin.open("/admin/accounts");
            admin.find(By.id("passkey-signin")).click();
            new WebDriverWait(admin.driver(), WAIT)
                    .until(driver -> driver.getCurrentUrl().contains("factor"));
            admin.settled();

            assertThat(admin.heading()).isEqualTo("One more step for staff areas");
            assertThat(admin.find(By.id("email")).getDomProperty("value")).isEqualTo(staff.email());
            assertThat(admin.find(By.tagName("main")).getText())
                    .contains("Staff areas also need your password")
                    .doesNotContain("Create an account");
            admin.screenshot("passkey-then-password");
            admin.find(By.id("password")).sendKeys(TestAccounts.PASSWORD);
            admin.follow(By.cssSelector("main form button[type=submit]"));
            assertThat(admin.path()).isEqualTo("/admin/accounts");
        } finally {
            admin.removePasskeyAuthenticator(authenticator);
        }
    }
}
