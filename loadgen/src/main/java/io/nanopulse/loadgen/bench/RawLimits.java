package io.nanopulse.loadgen.bench;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * The raw limits of the machine the platform runs on ({@code raw}): Kafka's own ProducerPerformance (a
 * discarded warm-up run, then the measured one) and ConsumerPerformance for 250-byte records on the
 * platform's broker, and PostgreSQL multi-row inserts of patent-shaped rows on the platform's server.
 */
final class RawLimits implements Scenario {
    @Override
    public void run(BenchRun run) throws Exception {
        var platform = run.platform();
        String bootstrap = platform.kafka().bootstrapServers();
        platform.kafka().createTopics(Map.of("bench-raw", 6));
        int records = (int) Math.max(200_000, 1_000_000 * Math.min(1, run.scale()));
        var producer = List.of("acks=all", "enable.idempotence=true", "linger.ms=10", "batch.size=262144", "bootstrap.servers=" + bootstrap);
        var cmd = new ArrayList<>(List.of("org.apache.kafka.tools.ProducerPerformance", "--topic", "bench-raw",
                "--num-records", Integer.toString(records), "--record-size", "250", "--throughput", "-1", "--producer-props"));
        cmd.addAll(producer);
        log("raw Kafka producer: warm-up run (discarded), then the measured run of %,d × 250 B", records);
        run.tools().run(cmd);
        var raw = new LinkedHashMap<String, Object>(KafkaTools.producerFigures(run.tools().run(cmd)));
        raw.putAll(KafkaTools.consumerFigures(run.tools().run(List.of("org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrap, "--topic", "bench-raw", "--messages", Integer.toString(records * 2),
                "--timeout", "60000"))));
        raw.put("postgresPatentRowsPerSecond", postgresInsertRate(platform.postgres().jdbcUrl("postgres")));
        run.put("raw", raw);
        log("raw: %s", raw);
    }

    /**
     * Multi-row inserts of patent-shaped rows (what metrics writes), in 5,000-row statements, into a scratch
     * table of the server's own {@code postgres} database (not metrics-service's).
     */
    private static double postgresInsertRate(String jdbcUrl) throws Exception {
        int rows = 300_000;
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             var st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_patent");
            st.execute("CREATE TABLE bench_patent (patent_id varchar(32) PRIMARY KEY, country char(2), institution_raw varchar(512),"
                    + " institution_id varchar(512), sector varchar(16), city_key varchar(512), filing_date date)");
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (var ins = c.prepareStatement("INSERT INTO bench_patent SELECT 'CN' || (200000000 + g), 'CN', 'Chinese Academy of Sciences',"
                    + " 'cas', 'MATERIALS', 'beijing', DATE '2000-01-01' + (g % 9000) FROM generate_series(?, ?) AS g")) {
                for (int from = 0; from < rows; from += 5000) {
                    ins.setInt(1, from);
                    ins.setInt(2, from + 4999);
                    ins.executeUpdate();
                    c.commit();
                }
            }
            double rate = rows / ((System.nanoTime() - t0) / 1e9);
            st.execute("DROP TABLE bench_patent");
            c.commit();
            return Math.round(rate);
        }
    }
}
