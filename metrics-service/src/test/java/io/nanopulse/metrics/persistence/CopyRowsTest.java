package io.nanopulse.metrics.persistence;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CopyRowsTest {
    @Test
    void writesPostgresCopyTextWithNullsAndEscapes() {
        var rows = new CopyRows(2, 64);
        rows.add("CN-1").add(null).add(LocalDate.of(2020, 2, 29)).add(7L).end();
        rows.add("Inst\tof\\Physics\nCAS\r").add("Zürich").end();
        assertEquals("CN-1\t\\N\t2020-02-29\t7\nInst\\tof\\\\Physics\\nCAS\\r\tZürich\n", rows.toString());
    }

    @Test
    void writesNumbersAndDatesAsPostgresReadsThem() {
        var rows = new CopyRows(1, 64);
        rows.add(-3).add(Long.MAX_VALUE).add(LocalDate.of(2021, 1, 5)).add(LocalDate.of(999, 12, 31))
                .add((LocalDate) null).add(LocalDate.of(2024, 11, 30)).end();
        assertEquals("-3\t9223372036854775807\t2021-01-05\t0999-12-31\t\\N\t2024-11-30\n", rows.toString());
    }
}
