package org.mlc.ledger.api.support;


import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server of the test JVM (GreenMail), started once for the one Spring context, which
 * sends to it (IntegrationTest sets mlc.smtp.*). Tests tell their messages apart by recipient.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    /** Starts the server on a free port on first use; its port. */
    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
        }
        return server.getSmtp().getPort();
    }

    public record Mail(String to, String from, String subject, String body) {

        /** The first link in the body that contains {@code part}. */
        public String link(String part) {
            Matcher matcher = Pattern.compile("https?://\\S*" + Pattern.quote(part) + "\\S*").matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no link with " + part + " in: " + body);
            }
            return matcher.group();
        }
    }

    /** The messages received for {@code to}, oldest first. */
    public static List<Mail> to(String to) {
        port();
        return Arrays.stream(server.getReceivedMessages()).filter(message -> recipient(message).equalsIgnoreCase(to))
                .map(TestMail::mail).toList();
    }

    /** Waits until {@code count} messages arrived for {@code to} (sending happens in the request, but to be safe). */
    public static List<Mail> await(String to, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> to(to).size() >= count);
        return to(to);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(recipient(message), message.getFrom()[0].toString(), message.getSubject(),
                    String.valueOf(message.getContent()).replace("\r\n", "\n"));
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
