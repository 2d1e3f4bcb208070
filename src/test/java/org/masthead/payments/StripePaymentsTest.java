package org.masthead.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.internal.Ledger;
import org.masthead.payments.internal.LedgerEntry;
import org.masthead.payments.internal.SubscriptionRecords;
import org.masthead.payments.internal.sandbox.TestSandbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Stripe adapter with the real stripe-java SDK pointed at a local stub of Stripe's HTTP API
 * (WireMock): what the SDK sends (amounts in minor units from the server, never from a reader), and
 * webhooks built and signed here with the endpoint's secret, as Stripe signs them.
 */
@MastheadTest
class StripePaymentsTest {

    static final String SECRET_KEY = "sk_test_masthead";
    static final String WEBHOOK_SECRET = "whsec_test_masthead";
    static final WireMockServer stripe =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        stripe.start();
    }

    @DynamicPropertySource
    static void pointPaymentsAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("masthead.payments.stripe.secret-key", () -> SECRET_KEY);
        registry.add("masthead.payments.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("masthead.payments.stripe.api-base", () -> "http://localhost:" + stripe.port());
    }

    @AfterAll
    static void stopTheStub() {
        stripe.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    Ledger ledger;

    @Autowired
    SubscriptionRecords subscriptions;

    @Autowired
    RecordedPaymentEvents events;

    @Autowired
    TestSandbox webhooks;

    @BeforeEach
    void resetTheStub() {
        stripe.resetAll();
        stripe.stubFor(
                post(urlEqualTo("/v1/checkout/sessions"))
                        .willReturn(
                                okJson(
                                        """
                        {"id":"cs_test_1","object":"checkout.session","url":"https://checkout.stripe.com/c/pay/cs_test_1"}""")));
    }

    @Test
    void paymentsGoThroughStripeWhenItIsConfigured() {
        assertThat(payments.providerName()).isEqualTo("stripe");
    }

    @Test
    void aOneOffCheckoutSendsTheServersPriceInMinorUnits() {
        String reference = TestContent.unique("stripe-one-off");

        CheckoutStarted checkout = payments.startCheckout(new Checkout.OneOff(
                Money.of(1250, "GBP"),
                "A contribution",
                "reader@example.com",
                7L,
                reference,
                URI.create("https://news.example/thanks"),
                URI.create("https://news.example/support")));

        assertThat(checkout.checkoutId()).isEqualTo("cs_test_1");
        assertThat(checkout.redirectTo()).hasToString("https://checkout.stripe.com/c/pay/cs_test_1");
        LoggedRequest request = onlyRequestTo("/v1/checkout/sessions");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(form(request))
                .contains(
                        "mode=payment",
                        "line_items[0][quantity]=1",
                        "line_items[0][price_data][unit_amount]=1250",
                        "line_items[0][price_data][currency]=gbp",
                        "line_items[0][price_data][product_data][name]=A contribution",
                        "metadata[masthead_reference]=" + reference,
                        "payment_intent_data[metadata][masthead_reference]=" + reference,
                        "payment_intent_data[metadata][masthead_account]=7",
                        "customer_email=reader@example.com",
                        "success_url=https://news.example/thanks?checkout={CHECKOUT_SESSION_ID}")
                .noneMatch(field -> field.contains("unit_amount_decimal"));
    }

    @Test
    void aSubscriptionCheckoutSendsARecurringInlinePriceAndTheTrial() {
        String reference = TestContent.unique("stripe-sub");

        payments.startCheckout(new Checkout.Subscription(
                Money.of(4999, "EUR"),
                BillingInterval.YEAR,
                14,
                "Premium",
                "reader@example.com",
                null,
                reference,
                URI.create("https://news.example/thanks"),
                URI.create("https://news.example/premium")));

        assertThat(form(onlyRequestTo("/v1/checkout/sessions")))
                .contains(
                        "mode=subscription",
                        "line_items[0][price_data][unit_amount]=4999",
                        "line_items[0][price_data][currency]=eur",
                        "line_items[0][price_data][recurring][interval]=year",
                        "subscription_data[trial_period_days]=14",
                        "subscription_data[metadata][masthead_reference]=" + reference,
                        "subscription_data[metadata][masthead_email]=reader@example.com");
    }

    @Test
    void aBadAmountNeverReachesStripe() {
        assertThatThrownBy(() -> payments.startCheckout(new Checkout.OneOff(
                        Money.of(5, "GBP"),
                        "Too little",
                        "reader@example.com",
                        null,
                        "ref",
                        URI.create("https://news.example/thanks"),
                        URI.create("https://news.example/support"))))
                .isInstanceOf(PaymentRejectedException.class);

        assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))))
                .isEmpty();
    }

    @Test
    void theCustomerPortalIsAStripeBillingPortalSession() {
        stripe.stubFor(
                post(urlEqualTo("/v1/billing_portal/sessions"))
                        .willReturn(
                                okJson(
                                        """
                        {"id":"bps_1","object":"billing_portal.session","url":"https://billing.stripe.com/p/session/bps_1"}""")));

        URI portal = payments.customerPortal("cus_42", URI.create("https://news.example/account"));

        assertThat(portal).hasToString("https://billing.stripe.com/p/session/bps_1");
        assertThat(form(onlyRequestTo("/v1/billing_portal/sessions")))
                .contains("customer=cus_42", "return_url=https://news.example/account");
    }

    @Test
    void aPaidCheckoutIsRecordedAndARefundGoesToStripeAndBackThroughItsWebhook() {
        String reference = TestContent.unique("stripe-paid");
        String paymentIntent = TestContent.unique("pi");
        HttpResponse<String> completed = deliver(event(
                "checkout.session.completed",
                """
                {"id":"cs_1","object":"checkout.session","mode":"payment","payment_status":"paid",
                 "payment_intent":"%s","amount_total":1250,"currency":"gbp","customer":"cus_1",
                 "customer_details":{"email":"paid@example.com"},"client_reference_id":"%s",
                 "metadata":{"masthead_reference":"%s","masthead_account":"7"}}"""
                        .formatted(paymentIntent, reference, reference),
                Instant.now()));
        assertThat(completed.statusCode()).isEqualTo(200);
        PaymentSucceeded paid = events.of(PaymentSucceeded.class, reference).getFirst();
        assertThat(paid.chargeId()).isEqualTo(paymentIntent);
        assertThat(paid.amount()).isEqualTo(Money.of(1250, "GBP"));
        assertThat(paid.accountId()).isEqualTo(7L);

        stripe.stubFor(post(urlEqualTo("/v1/refunds"))
                .willReturn(okJson("{\"id\":\"re_1\",\"object\":\"refund\",\"amount\":500,\"status\":\"succeeded\"}")));
        payments.refund(paymentIntent, Money.of(500, "GBP"), 1, "Part back");

        assertThat(form(onlyRequestTo("/v1/refunds"))).contains("amount=500", "payment_intent=" + paymentIntent);
        deliver(event(
                "charge.refunded",
                """
                {"id":"ch_1","object":"charge","payment_intent":"%s","amount":1250,"amount_refunded":500,"currency":"gbp"}"""
                        .formatted(paymentIntent),
                Instant.now()));
        assertThat(ledger.charge("stripe", paymentIntent).orElseThrow().refunded())
                .isEqualTo(Money.of(500, "GBP"));
        assertThat(events.of(ChargeRefunded.class, reference)).hasSize(1);
    }

    @Test
    void subscriptionEventsAreReadAndAnOlderOneDoesNotRollTheSubscriptionBack() {
        String reference = TestContent.unique("stripe-renewal");
        String subscription = TestContent.unique("sub");
        Instant now = Instant.now();
        deliver(event(
                "customer.subscription.created",
                subscriptionJson(subscription, reference, "active", false),
                now.minusSeconds(120)));
        deliver(event(
                "invoice.paid",
                invoiceJson(subscription, reference, "subscription_create", TestContent.unique("in"), now),
                now.minusSeconds(90)));
        deliver(event(
                "invoice.paid",
                invoiceJson(subscription, reference, "subscription_cycle", TestContent.unique("in"), now),
                now.minusSeconds(60)));
        deliver(event(
                "customer.subscription.updated", subscriptionJson(subscription, reference, "past_due", true), now));
        HttpResponse<String> late = deliver(event(
                "customer.subscription.updated",
                subscriptionJson(subscription, reference, "active", false),
                now.minusSeconds(30)));

        assertThat(late.body()).contains("stale");
        assertThat(subscriptions.find("stripe", subscription).orElseThrow().status())
                .isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(events.of(PaymentSucceeded.class, reference))
                .extracting(PaymentSucceeded::kind)
                .containsExactly(PaymentKind.FIRST, PaymentKind.RENEWAL);
        PaymentSucceeded renewal = events.of(PaymentSucceeded.class, reference).get(1);
        assertThat(renewal.kind()).isEqualTo(PaymentKind.RENEWAL);
        assertThat(renewal.amount()).isEqualTo(Money.of(499, "GBP"));
        assertThat(renewal.subscriptionId()).isEqualTo(subscription);
        assertThat(events.of(SubscriptionChanged.class, reference))
                .extracting(SubscriptionChanged::status)
                .containsExactly(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE);
    }

    @Test
    void theFirstPaymentAfterATrialIsReportedAsTheFirstThoughStripeCallsItACycle() {
        String reference = TestContent.unique("stripe-trial");
        String subscription = TestContent.unique("sub");
        Instant now = Instant.now();
        deliver(event(
                "customer.subscription.created",
                subscriptionJson(subscription, reference, "trialing", false),
                now.minusSeconds(60)));

        deliver(event(
                "invoice.paid",
                invoiceJson(subscription, reference, "subscription_cycle", TestContent.unique("in"), now),
                now));

        assertThat(events.of(SubscriptionChanged.class, reference).getFirst().status())
                .isEqualTo(SubscriptionStatus.TRIALING);
        assertThat(events.of(PaymentSucceeded.class, reference).getFirst().kind())
                .isEqualTo(PaymentKind.FIRST);
    }

    @Test
    void aFailedRenewalInvoiceIsReportedWithStripesNextRetry() {
        String reference = TestContent.unique("stripe-failed");
        String subscription = TestContent.unique("sub");
        Instant retry = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        deliver(event(
                "customer.subscription.created",
                subscriptionJson(subscription, reference, "active", false),
                Instant.now()));

        deliver(event(
                "invoice.payment_failed",
                """
                {"id":"in_failed_1","object":"invoice","amount_due":499,"amount_paid":0,"currency":"gbp",
                 "customer":"cus_1","customer_email":"failed@example.com","billing_reason":"subscription_cycle",
                 "attempt_count":1,"next_payment_attempt":%d,
                 "parent":{"type":"subscription_details","subscription_details":{"subscription":"%s",
                   "metadata":{"masthead_reference":"%s"}}}}"""
                        .formatted(retry.getEpochSecond(), subscription, reference),
                Instant.now()));

        PaymentFailed failed = events.of(PaymentFailed.class, reference).getFirst();
        assertThat(failed.renewal()).isTrue();
        assertThat(failed.nextRetry()).isEqualTo(retry);
        assertThat(ledger.search(new Ledger.Search(null, reference, null, null), null, 5))
                .extracting(LedgerEntry::status)
                .containsExactly(LedgerEntry.Status.FAILED);
    }

    @Test
    void cancellingAndRepricingGoToStripesSubscriptionApi() {
        String reference = TestContent.unique("stripe-cancel");
        String subscription = TestContent.unique("sub");
        deliver(event(
                "customer.subscription.created",
                subscriptionJson(subscription, reference, "active", false),
                Instant.now()));
        stripe.stubFor(post(urlPathEqualTo("/v1/subscriptions/" + subscription))
                .willReturn(okJson(subscriptionJson(subscription, reference, "active", true))));
        stripe.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + subscription))
                .willReturn(okJson(subscriptionJson(subscription, reference, "active", false))));

        payments.cancelAtPeriodEnd(subscription);
        payments.changePrice(subscription, Money.of(999, "GBP"), BillingInterval.MONTH);

        List<LoggedRequest> updates =
                stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/subscriptions/" + subscription)));
        assertThat(form(updates.get(0))).contains("cancel_at_period_end=true");
        assertThat(form(updates.get(1)))
                .contains(
                        "items[0][id]=si_1",
                        "items[0][price_data][unit_amount]=999",
                        "items[0][price_data][currency]=gbp",
                        "items[0][price_data][product]=prod_1",
                        "items[0][price_data][recurring][interval]=month",
                        "proration_behavior=none");
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/subscriptions/" + subscription)));
    }

    @Test
    void whenStripeRefusesTheCallerIsToldAndTheLedgerIsUnchanged() {
        String reference = TestContent.unique("stripe-down");
        String paymentIntent = TestContent.unique("pi");
        deliver(event(
                "checkout.session.completed",
                """
                {"id":"cs_2","object":"checkout.session","mode":"payment","payment_status":"paid",
                 "payment_intent":"%s","amount_total":800,"currency":"gbp","customer":"cus_2",
                 "customer_details":{"email":"down@example.com"},"metadata":{"masthead_reference":"%s"}}"""
                        .formatted(paymentIntent, reference),
                Instant.now()));
        stripe.stubFor(
                post(urlEqualTo("/v1/refunds"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Charge already refunded\"}}")));

        assertThatThrownBy(() -> payments.refund(paymentIntent, null, 1, "test"))
                .isInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("Charge already refunded");
        assertThat(ledger.charge("stripe", paymentIntent)
                        .orElseThrow()
                        .refunded()
                        .isPositive())
                .isFalse();
    }

    @Test
    void aForgedOrStaleStripeSignatureIsRefused() {
        String payload = event(
                "checkout.session.completed",
                "{\"id\":\"cs_x\",\"object\":\"checkout.session\",\"mode\":\"payment\"}",
                Instant.now());
        String forged = signature(payload, "whsec_someone_else", Instant.now());
        String stale = signature(payload, WEBHOOK_SECRET, Instant.now().minus(Duration.ofMinutes(6)));

        HttpResponse<String> forgedResponse = webhooks.post(port, "stripe", payload, "Stripe-Signature", forged);
        HttpResponse<String> staleResponse = webhooks.post(port, "stripe", payload, "Stripe-Signature", stale);
        HttpResponse<String> sandboxResponse = webhooks.post(port, "sandbox", payload, "Stripe-Signature", forged);

        assertThat(forgedResponse.statusCode()).isEqualTo(400);
        assertThat(forgedResponse.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(staleResponse.statusCode()).isEqualTo(400);
        assertThat(sandboxResponse.statusCode())
                .as("the sandbox is off when Stripe is on")
                .isEqualTo(404);
    }

    private HttpResponse<String> deliver(String payload) {
        HttpResponse<String> response = webhooks.post(
                port, "stripe", payload, "Stripe-Signature", signature(payload, WEBHOOK_SECRET, Instant.now()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** A Stripe event around this object, as Stripe's API at the SDK's version would send it. */
    private static String event(String type, String object, Instant created) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"type":"%s","livemode":false,
                 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"data":{"object":%s}}"""
                .formatted(TestContent.unique("evt"), Stripe.API_VERSION, created.getEpochSecond(), type, object);
    }

    private static String subscriptionJson(String id, String reference, String status, boolean cancelAtPeriodEnd) {
        long periodEnd = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
        return """
                {"id":"%s","object":"subscription","customer":"cus_1","status":"%s","cancel_at_period_end":%s,
                 "metadata":{"masthead_reference":"%s","masthead_email":"sub@example.com"},
                 "items":{"object":"list","data":[{"id":"si_1","object":"subscription_item","current_period_end":%d,
                   "price":{"id":"price_1","object":"price","unit_amount":499,"currency":"gbp","product":"prod_1",
                     "recurring":{"interval":"month","interval_count":1}}}]}}"""
                .formatted(id, status, cancelAtPeriodEnd, reference, periodEnd);
    }

    private static String invoiceJson(String subscription, String reference, String reason, String id, Instant now) {
        return """
                {"id":"%s","object":"invoice","amount_paid":499,"amount_due":499,"currency":"gbp","customer":"cus_1",
                 "customer_email":"sub@example.com","billing_reason":"%s","attempt_count":1,
                 "parent":{"type":"subscription_details","subscription_details":{"subscription":"%s",
                   "metadata":{"masthead_reference":"%s"}}},
                 "lines":{"object":"list","data":[{"id":"il_1","object":"line_item","period":{"start":%d,"end":%d}}]},
                 "payments":{"object":"list","data":[{"id":"inpay_1","object":"invoice_payment",
                   "payment":{"type":"payment_intent","payment_intent":"pi_%s"}}]}}"""
                .formatted(
                        id,
                        reason,
                        subscription,
                        reference,
                        now.getEpochSecond(),
                        now.plus(Duration.ofDays(30)).getEpochSecond(),
                        id);
    }

    /** Stripe's scheme: {@code t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>" keyed by the secret>}. */
    static String signature(String payload, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = at.getEpochSecond() + "." + payload;
            return "t=" + at.getEpochSecond() + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static LoggedRequest onlyRequestTo(String path) {
        List<LoggedRequest> requests = stripe.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).as("requests to %s", path).hasSize(1);
        return requests.getFirst();
    }

    /** The form fields of a request, decoded: {@code line_items[0][quantity]=1}. */
    private static List<String> form(LoggedRequest request) {
        return List.of(request.getBodyAsString().split("&")).stream()
                .map(field -> URLDecoder.decode(field, StandardCharsets.UTF_8))
                .toList();
    }
}
