package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.masthead.accounts.TestAccounts;
import org.masthead.mail.Mailbox;
import org.openqa.selenium.By;

/** Staff signing in to a staff area as they do: the password, then the link e-mailed as a second factor. */
final class StaffSignIn {

    private StaffSignIn() {}

    static void withBothFactors(Browser browser, Mailbox mailbox, TestAccounts.Credentials staff, String path) {
        browser.signIn(staff);
        browser.open(path);
        assertThat(browser.heading()).isEqualTo("One more step for staff areas");
        browser.follow(By.xpath("//button[normalize-space()='E-mail me the link']"));
        String text = mailbox.lastTo(staff.email()).orElseThrow().mail().text();
        int start = text.indexOf("/signin/link?token=");
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        browser.open(text.substring(start, end));
        browser.follow(By.xpath("//button[normalize-space()='Sign in']"));
        assertThat(browser.path()).startsWith(path);
    }
}
