package io.nanopulse.loadgen.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaToolsTest {
    @Test
    void producerPerformanceSummary() {
        String out = """
                1000000 records sent, 101061.2 records/sec (24.09 MB/sec), 205.81 ms avg latency, 812.00 ms max latency, \
                180 ms 50th, 500 ms 95th, 700 ms 99th, 800 ms 99.9th.
                """;
        Map<String, Object> r = KafkaTools.producerFigures(out);
        assertEquals(List.of("kafkaProducerRecordsPerSecond", "kafkaProducerMBPerSecond"), List.copyOf(r.keySet()));
        assertEquals(101061.2, r.get("kafkaProducerRecordsPerSecond"));
        assertEquals(24.09, r.get("kafkaProducerMBPerSecond"));
    }

    @Test
    void consumerPerformanceCsv() {
        String out = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-29 12:00:00:000, 2026-11-29 12:00:02:000, 476.8372, 238.4186, 2000000, 1000000.0000, 300, 1700, 280.4925, 1176470.5882
                """;
        Map<String, Object> r = KafkaTools.consumerFigures(out);
        assertEquals(1000000.0, r.get("kafkaConsumerRecordsPerSecond"));
        assertEquals(238.4186, r.get("kafkaConsumerMBPerSecond"));
    }

    @Test
    void noFiguresInOutputWithoutThem() {
        assertTrue(KafkaTools.producerFigures("WARN something\n").isEmpty());
        assertTrue(KafkaTools.consumerFigures("WARN something\n").isEmpty());
    }
}
