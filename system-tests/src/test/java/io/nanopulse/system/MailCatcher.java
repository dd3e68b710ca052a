package io.nanopulse.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.nanopulse.testkit.infra.Ports;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server in the test's JVM (GreenMail, loopback, no TLS) for alerts-service's mail, and what it received:
 * the confirmation tokens of the links mailed to an address.
 */
final class MailCatcher implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("confirm-email[#?]token=([A-Za-z0-9_-]+)");

    private final GreenMail server;

    MailCatcher() {
        server = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** alerts-service's environment for this server, as an operator sets it. */
    Map<String, String> alertsEnv() {
        return Map.of("NANOPULSE_SMTP_HOST", "127.0.0.1", "NANOPULSE_SMTP_PORT", String.valueOf(server.getSmtp().getPort()),
                "NANOPULSE_SMTP_START_TLS", "DISABLED");
    }

    /** The confirmation tokens of the mails to {@code address}, in the order they arrived. */
    List<String> confirmationTokens(String address) {
        var out = new ArrayList<String>();
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).noneMatch(a -> a.toString().contains(address))) {
                    continue;
                }
                Matcher token = TOKEN.matcher(text(m));
                if (token.find()) {
                    out.add(token.group(1));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("unreadable mail", e);
            }
        }
        return out;
    }

    /** The decoded text of a message's text parts. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        var out = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                out.append(text(body)).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
