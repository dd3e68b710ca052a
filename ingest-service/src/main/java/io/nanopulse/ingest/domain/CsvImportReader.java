package io.nanopulse.ingest.domain;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.nanopulse.contracts.EventType;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.problem.JsonFailure;
import io.nanopulse.ingest.domain.MalformedRequestException.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a text/csv import (RFC 4180: quoted fields, doubled quotes, CRLF) with Jackson's CSV parser into an
 * {@link ItemSink}. The first record is the header and must name exactly the columns
 * {@code patentId,country,institution,sector,filingDate,city} (any order, case-insensitive); each further
 * record is one PATENT_FILED event whose eventId is {@code "csv:" + normalised patentId}, so importing
 * the same file again produces the same eventIds and downstream deduplication drops the repeats.
 * An empty cell means "absent" (city is optional; the others are required by the contract). The body is
 * decoded strictly ({@link StrictUtf8Reader}): a row holding an invalid UTF-8 sequence is refused with its line.
 */
public final class CsvImportReader {
    public static final List<String> COLUMNS = List.of("patentId", "country", "institution", "sector", "filingDate",
            "city");
    public static final String EVENT_ID_PREFIX = "csv:";

    private final CsvFactory factory;

    public CsvImportReader(int maxFieldChars) {
        this.factory = CsvFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxFieldChars).build())
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
    }

    public void read(InputStream body, ItemSink sink) throws IOException {
        // Lines holding an invalid UTF-8 sequence, in order, once each; the rows that span them are refused.
        var invalidLines = new ArrayDeque<Long>();
        var text = new StrictUtf8Reader(body, (invalidLine, column, offset) -> {
            if (invalidLines.isEmpty() || invalidLines.peekLast() != invalidLine) {
                invalidLines.addLast(invalidLine);
            }
        });
        long line = 1;
        try (CsvParser parser = (CsvParser) factory.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedRequestException(Kind.BAD_CSV_HEADER, "the body is empty; the first line must be "
                        + "the header " + String.join(",", COLUMNS), "header");
            }
            Row header = nextRecord(parser);
            if (header == null) {
                throw new MalformedRequestException(Kind.BAD_CSV_HEADER, "the body is empty; the first line must be "
                        + "the header " + String.join(",", COLUMNS), "header");
            }
            Long invalidHeader = invalidLine(header, invalidLines);
            if (invalidHeader != null) {
                throw new MalformedRequestException(Kind.BAD_CSV_HEADER, "the header is not valid UTF-8 (line "
                        + invalidHeader + ")", "header", invalidHeader, null);
            }
            int[] columnOf = columns(header.cells());
            Row row;
            while ((row = nextRecord(parser)) != null) {
                line = row.line();
                Long invalid = invalidLine(row, invalidLines);
                if (invalid != null) {
                    sink.reject(line, null, "$", "not valid UTF-8" + (invalid == line ? "" : " (line " + invalid + ")"));
                    continue;
                }
                if (row.cells().size() != COLUMNS.size()) {
                    sink.reject(line, null, "$", "expected " + COLUMNS.size() + " columns, found "
                            + row.cells().size());
                    continue;
                }
                sink.offer(line, filing(row.cells(), columnOf), CsvImportReader::withDerivedEventId);
            }
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException(Kind.MALFORMED_CSV, "not valid CSV: " + JsonFailure.of(e).reason()
                    + "; nothing after this point was read", "$",
                    e.getLocation() != null ? e.getLocation().getLineNr() : line, null);
        }
    }

    /** One record and the line it starts on. */
    private record Row(long line, List<String> cells) {
    }

    /** The next record, or null at the end of the body. */
    private static Row nextRecord(CsvParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        long line = -1;
        var cells = new ArrayList<String>(COLUMNS.size());
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            if (line < 0) {
                // The row's own START_ARRAY carries the previous row's position; its first cell does not.
                line = parser.currentTokenLocation().getLineNr();
            }
            cells.add(parser.getText());
        }
        return new Row(line, cells);
    }

    /**
     * The first line with an invalid UTF-8 sequence within the row (its first line plus the line breaks inside
     * its quoted cells), or null; the lines up to the row's end are forgotten.
     */
    private static Long invalidLine(Row row, ArrayDeque<Long> invalidLines) {
        if (invalidLines.isEmpty()) {
            return null;
        }
        long end = row.line();
        for (String cell : row.cells()) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
                    end++;
                }
            }
        }
        Long first = null;
        while (!invalidLines.isEmpty() && invalidLines.peekFirst() <= end) {
            Long l = invalidLines.pollFirst();
            if (first == null && l >= row.line()) {
                first = l;
            }
        }
        return first;
    }

    private static int[] columns(List<String> header) {
        int[] columnOf = new int[COLUMNS.size()];
        Set<String> missing = new LinkedHashSet<>(COLUMNS);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            int known = indexOfIgnoreCase(name);
            if (known < 0 || !missing.remove(COLUMNS.get(known))) {
                unknown.add(name.length() > 64 ? name.substring(0, 64) + "..." : name);
            } else {
                columnOf[known] = i;
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            String detail = "the header must be " + String.join(",", COLUMNS)
                    + (missing.isEmpty() ? "" : "; missing " + String.join(",", missing))
                    + (unknown.isEmpty() ? "" : "; unexpected or repeated " + String.join(",", unknown));
            throw new MalformedRequestException(Kind.BAD_CSV_HEADER, detail, "header", 1L, null);
        }
        return columnOf;
    }

    private static int indexOfIgnoreCase(String name) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static ObjectNode filing(List<String> record, int[] columnOf) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", EventType.PATENT_FILED.name());
        String patentId = record.get(columnOf[0]);
        // Provisional: replaced by the normalised form once valid; cut so a hostile cell only fails patentId.
        String raw = patentId.strip();
        node.put("eventId", EVENT_ID_PREFIX + (raw.length() > 64 ? raw.substring(0, 64) : raw));
        for (int c = 0; c < COLUMNS.size(); c++) {
            String cell = record.get(columnOf[c]);
            if (!cell.isBlank()) {
                node.put(COLUMNS.get(c), cell);
            }
        }
        return node;
    }

    /** "csv:" + the patentId as the validator normalised it ("US-7650331-B1" and "US7650331B1" agree). */
    private static PatentEvent withDerivedEventId(PatentEvent e) {
        return new PatentEvent(e.type(), EVENT_ID_PREFIX + e.patentId(), e.patentId(), e.country(), e.institution(),
                e.sector(), e.filingDate(), e.city(), e.cpc(), e.title(), e.grantDate(), e.counterparty(),
                e.counterpartyCountry(), e.effectiveDate(), e.terms());
    }
}
