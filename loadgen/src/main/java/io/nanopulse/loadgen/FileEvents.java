package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Events read from a file or standard input, in blocks: NDJSON (one event per line), a JSON array or object,
 * or CSV filings (the import's header, then one row per filing; a quoted cell may span lines).
 */
final class FileEvents {
    static final int BLOCK = 10_000;

    enum Format {
        NDJSON, JSON, CSV;

        /** The format a file name says ({@code .ndjson}, {@code .jsonl}, {@code .json}, {@code .csv}), or null. */
        static Format of(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) return NDJSON;
            if (n.endsWith(".json")) return JSON;
            if (n.endsWith(".csv")) return CSV;
            return null;
        }

        Sender.Mode mode() {
            return Sender.Mode.valueOf(name());
        }
    }

    private FileEvents() {
    }

    /** The CSV header (first line, without a byte-order mark); blank or missing refuses the file. */
    static String csvHeader(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null || header.isBlank()) throw new IllegalArgumentException("the CSV file is empty; its first line is the header");
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    /**
     * Reads the events after any header already read, handing them on in blocks; returns how many. An event's
     * position is its line (NDJSON; CSV, counting the header as line 1) or its index (JSON).
     */
    static long read(BufferedReader in, Format format, Consumer<List<Event>> blocks) throws IOException {
        var block = new ArrayList<Event>(BLOCK);
        long count = 0;
        if (format == Format.JSON) {
            JsonNode root;
            try {
                root = Json.mapper().readTree(in);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("the JSON file is not valid JSON: " + e.getOriginalMessage());
            }
            if (root == null || !(root.isArray() || root.isObject())) {
                throw new IllegalArgumentException("the JSON file must hold one event object or an array of events");
            }
            Iterable<JsonNode> items = root.isArray() ? root : List.of(root);
            for (JsonNode item : items) {
                block.add(Event.raw(Json.mapper().writeValueAsString(item), (int) count++));
                if (block.size() == BLOCK) block = handOn(block, blocks);
            }
        } else {
            int line = format == Format.CSV ? 1 : 0;
            StringBuilder row = null;
            int rowStart = 0;
            for (String text; (text = in.readLine()) != null; ) {
                line++;
                if (row == null) {
                    if (text.isBlank()) continue;
                    row = new StringBuilder(text);
                    rowStart = line;
                } else {
                    row.append('\n').append(text);
                }
                // A CSV row whose quotes are not closed goes on at the next line.
                if (format == Format.CSV && row.chars().filter(c -> c == '"').count() % 2 == 1) continue;
                block.add(Event.raw(row.toString(), rowStart));
                count++;
                row = null;
                if (block.size() == BLOCK) block = handOn(block, blocks);
            }
            if (row != null) {
                block.add(Event.raw(row.toString(), rowStart));
                count++;
            }
        }
        if (!block.isEmpty()) blocks.accept(block);
        return count;
    }

    private static ArrayList<Event> handOn(ArrayList<Event> block, Consumer<List<Event>> blocks) {
        blocks.accept(block);
        return new ArrayList<>(BLOCK);
    }
}
