package io.nanopulse.testkit.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP relay (GreenMail, no TLS, no login) on one free loopback port, for alerts-service's mail. A test takes
 * it down ({@link #down()}: connections are refused), stalls it ({@link #stall()}: connections are accepted and never
 * greeted, so a send stays in flight) and brings it back ({@link #up()}) on the same port. What it received is kept
 * across restarts.
 */
public final class SmtpRelay implements AutoCloseable {
    private static final Pattern CONFIRM_LINK = Pattern.compile("confirm-email#token=([A-Za-z0-9_-]+)");

    private final String host = InetAddress.getLoopbackAddress().getHostAddress();
    private final int port = Ports.free();
    private final List<MimeMessage> earlier = new CopyOnWriteArrayList<>();
    private final List<Socket> stalledSockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger stalledConnections = new AtomicInteger();
    private GreenMail greenMail;
    private ServerSocket stalled;
    private Thread acceptor;

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** alerts-service's environment for this relay, as an operator sets it. */
    public Map<String, String> alertsEnv() {
        return Map.of("NANOPULSE_SMTP_HOST", host, "NANOPULSE_SMTP_PORT", String.valueOf(port),
                "NANOPULSE_SMTP_START_TLS", "DISABLED");
    }

    /** Accepts and stores every message (any recipient); a no-op while up. */
    public synchronized SmtpRelay up() {
        if (greenMail == null) {
            down();
            greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
        return this;
    }

    /** Nothing listens on the port: a connection is refused. */
    public synchronized SmtpRelay down() {
        if (greenMail != null) {
            earlier.addAll(Arrays.asList(greenMail.getReceivedMessages()));
            greenMail.stop();
            greenMail = null;
        }
        if (stalled != null) {
            close(stalled);
            // A socket closed while a thread waits in accept() releases its port only once that thread has left.
            try {
                acceptor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stalledSockets.forEach(SmtpRelay::close);
            stalledSockets.clear();
            stalled = null;
            acceptor = null;
        }
        return this;
    }

    /** Connections are accepted and held open without a greeting: an SMTP client waits mid-send. */
    public synchronized SmtpRelay stall() {
        down();
        ServerSocket socket;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stalled = socket;
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    stalledSockets.add(socket.accept());
                    stalledConnections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "smtp-relay-stall");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** Connections accepted while stalled. */
    public int stalledConnections() {
        return stalledConnections.get();
    }

    /** Every message received so far, oldest first, across restarts. */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(earlier);
        if (greenMail != null) {
            all.addAll(Arrays.asList(greenMail.getReceivedMessages()));
        }
        return all;
    }

    /** The messages addressed (To) to {@code address}, oldest first. */
    public List<MimeMessage> messagesTo(String address) {
        return received().stream().filter(m -> recipients(m).contains(address)).toList();
    }

    @Override
    public synchronized void close() {
        down();
    }

    /** The addresses a message is sent to (To). */
    public static List<String> recipients(MimeMessage m) {
        try {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    /** A header's value (several joined by a comma), or null. */
    public static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    /** The content of the first part of type {@code mimeType} (text/plain, text/html), through multiparts; or null. */
    public static String part(MimeMessage m, String mimeType) {
        try {
            return part((Part) m, mimeType);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    /** The token of the confirmation link ({@code confirm-email#token=...}) in a confirmation message. */
    public static String confirmationToken(MimeMessage m) {
        String text = part(m, "text/plain");
        Matcher matcher = CONFIRM_LINK.matcher(text == null ? "" : text);
        if (!matcher.find()) {
            throw new AssertionError("no confirmation link in the message: " + text);
        }
        return matcher.group(1);
    }

    /** Whether a message holds a confirmation link. */
    public static boolean isConfirmation(MimeMessage m) {
        String text = part(m, "text/plain");
        return text != null && CONFIRM_LINK.matcher(text).find();
    }

    private static String part(Part p, String type) throws MessagingException, IOException {
        if (p.isMimeType(type)) {
            return p.getContent().toString();
        }
        if (p.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) p.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void close(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
