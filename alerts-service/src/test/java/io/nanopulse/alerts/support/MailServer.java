package io.nanopulse.alerts.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.nanopulse.testkit.infra.Ports;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on one loopback port (GreenMail), which a test takes down ({@link #down()}: connections are
 * refused), stalls ({@link #stall()}: connections are accepted and never greeted, so a send stays in flight) and
 * brings back ({@link #up()}) on the same port. What it received is kept across restarts.
 */
public final class MailServer implements AutoCloseable {
    /** One received message, read while the server held it. */
    public record Mail(String messageId, List<String> to, String subject, String text, String html) {
    }

    private final int port = Ports.free();
    private final List<Mail> earlier = new CopyOnWriteArrayList<>();
    private final List<Socket> stalledSockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger stalledConnections = new AtomicInteger();
    private GreenMail greenMail;
    private ServerSocket stalled;

    public int port() {
        return port;
    }

    /** Accepts and stores every message (any recipient). */
    public synchronized MailServer up() {
        down();
        greenMail = new GreenMail(new ServerSetup(port, InetAddress.getLoopbackAddress().getHostAddress(), ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return this;
    }

    /** Nothing listens on the port: a connection is refused. */
    public synchronized MailServer down() {
        if (greenMail != null) {
            earlier.addAll(read(greenMail.getReceivedMessages()));
            greenMail.stop();
            greenMail = null;
        }
        if (stalled != null) {
            close(stalled);
            stalledSockets.forEach(MailServer::close);
            stalledSockets.clear();
            stalled = null;
        }
        return this;
    }

    /** Connections are accepted and held open without a greeting: an SMTP client waits mid-send. */
    public synchronized MailServer stall() {
        down();
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            stalled = socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket listening = stalled;
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    stalledSockets.add(listening.accept());
                    stalledConnections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "mail-server-stall");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** Connections accepted while stalled. */
    public int stalledConnections() {
        return stalledConnections.get();
    }

    /** Every message received so far, oldest first, across restarts. */
    public synchronized List<Mail> received() {
        List<Mail> all = new ArrayList<>(earlier);
        if (greenMail != null) {
            all.addAll(read(greenMail.getReceivedMessages()));
        }
        return all;
    }

    /** The messages addressed to {@code address}. */
    public List<Mail> to(String address) {
        return received().stream().filter(m -> m.to().contains(address)).toList();
    }

    @Override
    public synchronized void close() {
        down();
    }

    private static List<Mail> read(MimeMessage[] messages) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage m : messages) {
            try {
                Address[] to = m.getRecipients(Message.RecipientType.TO);
                List<String> recipients = to == null ? List.of()
                        : Arrays.stream(to).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).toList();
                mails.add(new Mail(m.getHeader("Message-ID", null), recipients, m.getSubject(),
                        part(m, "text/plain"), part(m, "text/html")));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("unreadable message", e);
            }
        }
        return mails;
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

    private static void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
