package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.mail.Mailbox;
import org.masthead.membership.TestMembers;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.platform.SiteProperties;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin at work: roles read the same way on the accounts list, an account's page, its audit log
 * and the messages; the revenue dashboard's charts have labelled axes and their figures to read.
 */
@BrowserJourney
class AdminPagesBrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestMembers members;

    @Autowired
    Mailbox mailbox;

    @Autowired
    SiteProperties site;

    @Autowired
    JdbcClient db;

    @Test
    void anAdminReadsEachRoleByOneNameEverywhere(Browser admin) {
        TestAccounts.Credentials staff = accounts.create(true, Role.ADMIN);
        TestAccounts.Credentials target = accounts.create(true);
        StaffSignIn.withBothFactors(admin, mailbox, staff, "/admin/accounts/" + target.id());

        assertThat(admin.find(By.cssSelector("[data-roles]")).getText()).isEqualTo("Reader");
        assertThat(new Select(admin.find(By.id("grant-role")))
                        .getOptions().stream().map(WebElement::getText).toList())
                .containsExactly("Journalist", "Editor", "Moderator", "Admin");
        grant(admin, "Editor");
        assertThat(admin.find(By.cssSelector(".notice")).getText()).endsWith("now holds the role Editor.");
        grant(admin, "Moderator");
        assertThat(admin.find(By.cssSelector("[data-roles]")).getText()).isEqualTo("Editor, Moderator");
        assertThat(admin.findAll(By.cssSelector("[data-audit-what]")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("Granted the role Moderator", "Granted the role Editor");
        assertThat(new Select(admin.find(By.id("revoke-role")))
                        .getOptions().stream().map(WebElement::getText).toList())
                .containsExactly("Editor", "Moderator");
        String page = admin.find(By.tagName("main")).getText();
        for (String code : List.of("READER", "EDITOR", "MODERATOR", "ROLE_GRANTED")) {
            assertThat(page).doesNotContain(code);
        }
        admin.screenshot("admin-account-roles");

        admin.open("/admin/accounts?q=" + target.email());
        assertThat(admin.find(By.cssSelector("[data-roles]")).getText()).isEqualTo("Editor, Moderator");
        admin.open("/admin/accounts?q=" + staff.email());
        assertThat(admin.find(By.cssSelector("[data-roles]")).getText()).isEqualTo("Admin");
        admin.screenshot("admin-accounts-roles");
    }

    @Test
    void theAdminTablesScrollInTheirOwnBoxOnAPhone(Browser admin) {
        TestAccounts.Credentials staff = accounts.create(true, Role.ADMIN);
        StaffSignIn.withBothFactors(admin, mailbox, staff, "/admin/accounts");
        admin.resizeViewport(new Dimension(390, 844));
        try {
            for (String page :
                    List.of("/admin/accounts", "/admin/accounts/" + staff.id(), "/admin/mailbox", "/admin/payments")) {
                admin.open(page);
                assertThat(((Number) admin.script("return document.documentElement.scrollWidth")).intValue())
                        .as("%s keeps to the phone's width: its tables scroll inside their own boxes", page)
                        .isLessThanOrEqualTo(390);
            }
            admin.screenshot("admin-accounts-phone");
        } finally {
            admin.resizeViewport(new Dimension(1280, 900));
        }
    }

    @Test
    void theRevenueChartsHaveLabelledAxesAndTheirFiguresToRead(Browser admin) {
        TestAccounts.Credentials staff = accounts.create(true, Role.ADMIN);
        members.makePremium(accounts.create(true).id());
        giveOnce(Money.of(1250, "GBP"));
        StaffSignIn.withBothFactors(admin, mailbox, staff, "/admin/membership");
        admin.screenshot("admin-revenue");

        WebElement chart = admin.find(By.cssSelector("[data-chart=premium]"));
        List<String> values = texts(chart, ".chart__scale text");
        assertThat(values).first().isEqualTo("0");
        assertThat(values.stream().mapToLong(Long::parseLong).toArray())
                .as("round steps, from nought up")
                .isSorted()
                .hasSizeGreaterThanOrEqualTo(2);
        String today = DateTimeFormatter.ofPattern("d MMM", site.locale()).format(LocalDate.now(site.timeZone()));
        assertThat(texts(chart, ".chart__category-ticks text"))
                .as("a day a week apart, up to today")
                .hasSize(5)
                .last()
                .isEqualTo(today);
        String now = admin.find(By.cssSelector("[data-premium]")).getText();
        assertThat(chart.findElement(By.tagName("desc")).getDomProperty("textContent"))
                .endsWith("Latest: " + now + ".");

        chart.findElement(By.tagName("summary")).click();
        List<WebElement> rows = chart.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(30);
        assertThat(rows.getLast().getText())
                .isEqualTo(DateTimeFormatter.ofPattern("d MMMM yyyy", site.locale())
                                .format(LocalDate.now(site.timeZone()))
                        + " " + now);
        admin.checkAccessibility();
        admin.script("arguments[0].scrollIntoView();", chart.findElement(By.tagName("table")));
        admin.screenshot("admin-revenue-figures");
        admin.script("arguments[0].scrollIntoView();", admin.find(By.cssSelector("[data-chart=asks]")));
        admin.screenshot("admin-revenue-asks");

        WebElement contributions = admin.find(By.cssSelector("[data-chart=contributions]"));
        assertThat(texts(contributions, ".chart__scale text"))
                .as("whole pounds up past the day's £12.50")
                .contains("£0.00")
                .allMatch(tick -> tick.matches("£\\d+\\.00"));
        assertThat(contributions.findElement(By.tagName("desc")).getDomProperty("textContent"))
                .contains("Latest: £");
    }

    /** A guest's one-off contribution, paid now, as the payments module reports it. */
    private void giveOnce(Money amount) {
        String email = TestContent.unique("chart-giver") + "@example.com";
        members.startOneOffGift(amount, email);
        String reference = db.sql("SELECT reference FROM contribution WHERE email = :email")
                .param("email", email)
                .query(String.class)
                .single();
        members.publish(new PaymentSucceeded(
                reference,
                PaymentKind.ONE_OFF,
                amount,
                TestContent.unique("ch"),
                TestContent.unique("cus"),
                null,
                null,
                null,
                email,
                Instant.now()));
        await().atMost(TestMembers.WAIT)
                .until(() -> db.sql("SELECT first_paid_at IS NOT NULL FROM contribution WHERE reference = :r")
                        .param("r", reference)
                        .query(Boolean.class)
                        .single());
    }

    private static List<String> texts(WebElement within, String selector) {
        return within.findElements(By.cssSelector(selector)).stream()
                .map(element -> element.getDomProperty("textContent"))
                .toList();
    }

    private static void grant(Browser admin, String role) {
        new Select(admin.find(By.id("grant-role"))).selectByVisibleText(role);
        admin.submitAndReturn(By.xpath("//button[text()='Grant']"));
    }

    /** Signs in with the password, then the one-time link the second-factor page mails, and lands on {@code path}. */
}
