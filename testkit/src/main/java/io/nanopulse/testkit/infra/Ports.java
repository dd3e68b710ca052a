package io.nanopulse.testkit.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers. */
public final class Ports {
    private Ports() {
    }

    // Below every common ephemeral range (Linux 32768+, macOS and Windows 49152+): the OS never hands these to
    // outgoing connections, so a port chosen here stays free until its server binds it (also across restarts).
    private static final int FIRST = 20000;
    private static final int LAST = 32000;
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A port free on 127.0.0.1, outside the ephemeral range, never handed out twice by this JVM. */
    public static int free() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = FIRST + random.nextInt(LAST - FIRST);
            if (HANDED_OUT.add(port) && isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 between " + FIRST + " and " + LAST);
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
