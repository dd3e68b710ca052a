package io.nanopulse.gateway.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Server-Sent Events text stream into the data of its events (the joined {@code data:} lines of
 * each event, per the SSE spec), whatever the chunk boundaries. Comments and other fields are dropped.
 * One parser per stream; not thread-safe.
 */
public final class SseParser {
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    /** Consumes one chunk; returns the events it completed. */
    public List<String> feed(String chunk) {
        List<String> out = new ArrayList<>();
        pending.append(chunk);
        int start = 0;
        for (int i = 0; i < pending.length(); i++) {
            char c = pending.charAt(i);
            if (c == '\n' || c == '\r') {
                line(pending.substring(start, i), out);
                if (c == '\r' && i + 1 < pending.length() && pending.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        pending.delete(0, start);
        return out;
    }

    private void line(String line, List<String> out) {
        if (line.isEmpty()) {
            if (hasData) {
                out.add(data.toString());
            }
            data.setLength(0);
            hasData = false;
        } else if (line.startsWith("data")) {
            String value = line.length() > 4 && line.charAt(4) == ':' ? line.substring(5) : line.equals("data") ? "" : null;
            if (value == null) {
                return;
            }
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        }
    }
}
