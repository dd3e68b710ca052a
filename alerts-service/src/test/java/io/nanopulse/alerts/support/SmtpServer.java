package io.nanopulse.alerts.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.nanopulse.testkit.infra.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the JVM (GreenMail) on a free loopback port, the relay alerts-service mails through in tests:
 * sets nanopulse.alerts.email.smtp-host (e-mail on) and quarkus.mailer.host/port. {@link #down()} and {@link #up()} stop and restart it on the same
 * port (an outage); messages received before a restart are kept.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {
    private static final Pattern CONFIRM_LINK = Pattern.compile("confirm-email#token=([A-Za-z0-9_-]+)");
    private static final List<MimeMessage> EARLIER = new ArrayList<>();
    private static GreenMail server;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            port = Ports.free();
            up();
        }
        return Map.of("nanopulse.alerts.email.smtp-host", "127.0.0.1",
                "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public synchronized void stop() {
        down();
    }

    public static synchronized void up() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public static synchronized void down() {
        if (server != null) {
            EARLIER.addAll(Arrays.asList(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    /** Every message received so far to {@code address}, in arrival order. */
    public static synchronized List<MimeMessage> to(String address) {
        List<MimeMessage> all = new ArrayList<>(EARLIER);
        if (server != null) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all.stream().filter(m -> recipients(m).contains(address)).toList();
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content of the part of type {@code mimeType} (text/plain, text/html), searched through multiparts. */
    public static String part(MimeMessage m, String mimeType) {
        try {
            return part(m.getContent(), m.getContentType(), mimeType);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Object content, String type, String wanted) throws MessagingException, IOException {
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                String found = part(p.getContent(), p.getContentType(), wanted);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return type != null && type.toLowerCase().startsWith(wanted) ? content.toString() : null;
    }

    /** The token of the confirmation link in a confirmation message. */
    public static String confirmationToken(MimeMessage m) {
        Matcher matcher = CONFIRM_LINK.matcher(part(m, "text/plain"));
        if (!matcher.find()) {
            throw new AssertionError("no confirmation link in the message");
        }
        return matcher.group(1);
    }
}
