package io.nanopulse.loadgen.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** hey (apt-get install hey): HTTP load at a fixed rate for 20 s, and what it reports. */
final class Hey {
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern STATUS = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses");

    private Hey() {
    }

    /**
     * What one hey run reported: requests per second (null if it printed none), p50 and p99 in milliseconds
     * (-1 if absent), and the answers other than 200.
     */
    record Result(Double requestsPerSecond, double p50Millis, double p99Millis, int non200) {
    }

    /** Starts hey for 20 s with {@code workers} workers sending {@code perWorker} requests/s each. */
    static Process start(String url, String key, int workers, int perWorker) throws Exception {
        return start(url, key == null ? Map.of() : Map.of("Authorization", "Bearer " + key), workers, perWorker);
    }

    /** The same with these request headers (e.g. an identity proof, valid longer than the 20 s run). */
    static Process start(String url, Map<String, String> headers, int workers, int perWorker) throws Exception {
        var cmd = new ArrayList<>(List.of("hey", "-z", "20s", "-c", Integer.toString(workers), "-q", Integer.toString(perWorker)));
        headers.forEach((name, value) -> cmd.addAll(List.of("-H", name + ": " + value)));
        cmd.add(url);
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Waits for a run started with {@link #start} and reads its report. */
    static Result await(Process hey) throws Exception {
        String text = new String(hey.getInputStream().readAllBytes());
        hey.waitFor();
        return parse(text);
    }

    static Result parse(String text) {
        Matcher m = REQUESTS_PER_SECOND.matcher(text);
        Double rps = m.find() ? Double.parseDouble(m.group(1)) : null;
        int errors = 0;
        Matcher s = STATUS.matcher(text);
        while (s.find()) if (!s.group(1).equals("200")) errors += Integer.parseInt(s.group(2));
        return new Result(rps, latencyMillis(text, "50%"), latencyMillis(text, "99%"), errors);
    }

    private static double latencyMillis(String text, String pct) {
        Matcher m = Pattern.compile(Pattern.quote(pct) + " in ([\\d.]+) secs").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) * 1000 : -1;
    }

    /** Milliseconds to one decimal, as results.json reports them. */
    static double tenths(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
