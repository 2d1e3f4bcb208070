package org.masthead;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real SMTP server (GreenMail) for the whole test run, which every test application sends its
 * mail to. Tests read what arrived, as a reader would read their inbox.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final GreenMail SERVER = start();

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + SERVER.getSmtp().getPort(),
                        "masthead.mail.poll-interval=1s")
                .applyTo(context);
    }

    /** Every message delivered to this address so far, oldest first. */
    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(SERVER.getReceivedMessages())
                .filter(message ->
                        GreenMailUtil.getAddressList(safeRecipients(message)).contains(address))
                .toList();
    }

    /** Waits for the next message to this address beyond those already counted, and returns it. */
    public static MimeMessage awaitMessageTo(String address, int alreadyReceived) {
        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(address).size() > alreadyReceived);
        return messagesTo(address).get(alreadyReceived);
    }

    public static MimeMessage awaitMessageTo(String address) {
        return awaitMessageTo(address, 0);
    }

    /** The plain-text part of a message. */
    public static String text(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    /** The first link in the message that starts with this path, made relative to the site. */
    public static String linkIn(MimeMessage message, String pathPrefix) {
        Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "[^\\s\"<>]*)")
                .matcher(GreenMailUtil.getWholeMessage(message)
                        .replace("=\r\n", "")
                        .replace("=3D", "="));
        if (!matcher.find()) {
            throw new AssertionError("No link to " + pathPrefix + " in:\n" + GreenMailUtil.getWholeMessage(message));
        }
        return matcher.group(1);
    }

    /** The token a link from a message carries, as a form would post it. */
    public static String tokenOf(String link) {
        String token = link.substring(link.indexOf("token=") + "token=".length());
        int end = token.indexOf('&');
        return end < 0 ? token : token.substring(0, end);
    }

    private static jakarta.mail.Address[] safeRecipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
