package io.nanopulse.ingest.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.nanopulse.contracts.EventValidator;
import io.nanopulse.contracts.api.ingest.IngestResult;
import io.nanopulse.ingest.config.IngestConfig;
import io.nanopulse.ingest.domain.CsvImportReader;
import io.nanopulse.ingest.domain.ItemPosition;
import io.nanopulse.ingest.domain.JsonBatchReader;
import io.nanopulse.ingest.domain.MalformedRequestException;
import io.nanopulse.ingest.domain.NdjsonReader;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;

/**
 * The intake use case, three ways in: a JSON batch (validated whole, then published), an NDJSON stream, a CSV
 * import. Each request gets its own {@link IngestSession}; the domain's readers feed it item by item.
 */
@ApplicationScoped
public class IngestService {
    private final EventValidator validator = new EventValidator();
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final IngestConfig config;

    public IngestService(EventPublisher publisher, MeterRegistry registry, IngestConfig config) {
        this.publisher = publisher;
        this.metrics = new IngestMetrics(registry);
        this.config = config;
    }

    /** One object or an array; a malformed body publishes nothing. */
    public IngestResult ingestJson(InputStream body) throws IOException {
        IngestSession session = session(ItemPosition.INDEX, false);
        new JsonBatchReader(config.maxJsonBody().asLongValue(), config.maxBatch()).read(body, session);
        return finish(session);
    }

    /** Any length: published chunk by chunk while reading. */
    public IngestResult ingestNdjson(InputStream body) throws IOException {
        IngestSession session = session(ItemPosition.LINE, true);
        try {
            new NdjsonReader(maxLineBytes()).read(body, session);
        } catch (PublishFailedException e) {
            throw e.withPartial(session.result());
        } catch (IOException | RuntimeException e) {
            session.abandon();
            throw e;
        }
        return finish(session);
    }

    /** Any length: published chunk by chunk while reading. */
    public IngestResult importCsv(InputStream body) throws IOException {
        IngestSession session = session(ItemPosition.LINE, true);
        try {
            new CsvImportReader(maxLineBytes()).read(body, session);
        } catch (PublishFailedException e) {
            throw e.withPartial(session.result());
        } catch (MalformedRequestException e) {
            throw e.withPartial(session.abandon());
        } catch (IOException | RuntimeException e) {
            session.abandon();
            throw e;
        }
        return finish(session);
    }

    private static IngestResult finish(IngestSession session) {
        try {
            return session.finish();
        } catch (PublishFailedException e) {
            throw e.withPartial(session.result());
        }
    }

    private IngestSession session(ItemPosition positions, boolean streaming) {
        int chunk = Math.min(config.ndjsonChunkSize(), config.maxInFlight());
        return new IngestSession(validator, publisher, metrics, positions, streaming, chunk, config.maxErrors(),
                config.dedupeWindow());
    }

    private int maxLineBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 16, config.maxLineBytes().asLongValue());
    }
}
