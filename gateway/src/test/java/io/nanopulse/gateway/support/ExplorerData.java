package io.nanopulse.gateway.support;

import com.sun.net.httpserver.HttpExchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The metrics stand-in's answers for subjects beyond CN, for the explorer page: institutions (cas has the alias
 * "Zhongguo Kexueyuan*"), shared groups, their figures, series (with periods without any filing) and rankings.
 * Requests about anything else get the fallback answers FakeServices gives.
 */
public final class ExplorerData {
    public static final long GLOBAL_FILINGS = 1000;

    private ExplorerData() {
    }

    /** Figures of INSTITUTION cas and GROUP us-jp-kr; the fallback otherwise. */
    public static Function<HttpExchange, FakeService.Answer> figures(String fallback) {
        return x -> {
            Map<String, String> q = query(x);
            String subject = q.get("kind") + ":" + q.get("key");
            return switch (subject.toUpperCase()) {
                case "INSTITUTION:CAS" -> json(figures("INSTITUTION", "cas", "Chinese Academy of Sciences", 57, 12, 9, q));
                case "GROUP:US-JP-KR" -> json(figures("GROUP", "us-jp-kr", "us-jp-kr", 295, 80, 31, q));
                default -> json(fallback);
            };
        };
    }

    /** Series of INSTITUTION cas (years, 2010 and 2011 without any filing) and GROUP us-jp-kr (months of 2024, March empty). */
    public static Function<HttpExchange, FakeService.Answer> series(String fallback) {
        return x -> {
            Map<String, String> q = query(x);
            String subject = (q.get("kind") + ":" + q.get("key")).toUpperCase();
            List<String> points = new ArrayList<>();
            if (subject.equals("INSTITUTION:CAS")) {
                for (int y = 2001; y <= 2025; y++) {
                    boolean empty = y == 2010 || y == 2011;
                    points.add(point(y + "-01-01", empty ? 0 : y - 1990, empty ? 0 : 500 + y - 2000, empty ? 0 : (y % 5)));
                }
                return json(series("INSTITUTION", "cas", "Chinese Academy of Sciences", "YEAR", points));
            }
            if (subject.equals("GROUP:US-JP-KR")) {
                for (int m = 1; m <= 12; m++) {
                    boolean empty = m == 3;
                    points.add(point(String.format("2024-%02d-01", m), empty ? 0 : 20 + m, empty ? 0 : 90 + m, empty ? 0 : m % 3));
                }
                return json(series("GROUP", "us-jp-kr", "us-jp-kr", "MONTH", points));
            }
            return json(fallback);
        };
    }

    /** One ranked subject's counts. */
    record Counts(String key, String name, long filings, long grants, long licensed) {
        double by(String metric) {
            return switch (metric) {
                case "filings", "share" -> filings;
                case "grants" -> grants;
                default -> filings == 0 ? 0 : (double) licensed / filings;
            };
        }
    }

    /**
     * Rankings of institutions (tsinghua 61 filings, cas 57, mit 33; by licensing rate mit, tsinghua, cas) and groups
     * (us-jp-kr, academies), best first by the metric asked (ties by key) as metrics orders them; the fallback for other kinds.
     */
    public static Function<HttpExchange, FakeService.Answer> rankings(String fallback) {
        return x -> {
            Map<String, String> q = query(x);
            String kind = q.getOrDefault("kind", "COUNTRY").toUpperCase();
            List<Counts> subjects = switch (kind) {
                case "INSTITUTION" -> List.of(new Counts("tsinghua", "Tsinghua University", 61, 20, 15),
                        new Counts("cas", "Chinese Academy of Sciences", 57, 12, 9),
                        new Counts("mit", "Massachusetts Institute of Technology", 33, 15, 11));
                case "GROUP" -> List.of(new Counts("us-jp-kr", "us-jp-kr", 295, 80, 31), new Counts("academies", "academies", 57, 12, 9));
                default -> List.of();
            };
            if (subjects.isEmpty()) {
                return json(fallback);
            }
            String metric = q.getOrDefault("metric", "share");
            return json(ranking(kind, q, subjects.stream()
                    .sorted(Comparator.comparingDouble((Counts c) -> -c.by(metric)).thenComparing(Counts::key))
                    .map(c -> figures(kind, c.key(), c.name(), c.filings(), c.grants(), c.licensed(), q))
                    .toArray(String[]::new)));
        };
    }

    /** GET /institutions: one page of three institutions; other /institutions paths answer {"ok":true}. */
    public static FakeService.Answer institutions(HttpExchange x) {
        if (!x.getRequestURI().getPath().equals("/institutions")) {
            return json("{\"ok\":true}");
        }
        return json("{\"items\":["
                + "{\"id\":\"cas\",\"displayName\":\"Chinese Academy of Sciences\",\"country\":\"CN\",\"aliases\":["
                + "{\"id\":1,\"pattern\":\"Chinese Academy of Sciences*\"},{\"id\":2,\"pattern\":\"Zhongguo Kexueyuan*\"}]},"
                + "{\"id\":\"mit\",\"displayName\":\"Massachusetts Institute of Technology\",\"country\":\"US\",\"aliases\":[]},"
                + "{\"id\":\"tsinghua\",\"displayName\":\"Tsinghua University\",\"country\":\"CN\",\"aliases\":["
                + "{\"id\":3,\"pattern\":\"Tsinghua Univ*\"}]}],\"page\":0,\"size\":500,\"total\":3}");
    }

    /** GET /groups (exactly): a page of two shared groups; the fallback for other requests. */
    public static FakeService.Answer groups(HttpExchange x, String fallback) {
        if (!x.getRequestMethod().equals("GET") || !x.getRequestURI().getPath().equals("/groups")) {
            return json(fallback);
        }
        return json("{\"items\":["
                + "{\"name\":\"academies\",\"memberKind\":\"INSTITUTION\",\"members\":[\"cas\"],\"shared\":true,"
                + "\"createdAt\":\"2026-12-05T10:15:30Z\",\"updatedAt\":\"2026-12-05T10:15:30Z\"},"
                + "{\"name\":\"us-jp-kr\",\"memberKind\":\"COUNTRY\",\"members\":[\"JP\",\"KR\",\"US\"],\"shared\":true,"
                + "\"createdAt\":\"2026-12-05T10:15:30Z\",\"updatedAt\":\"2026-12-05T10:15:30Z\"}],\"page\":0,\"size\":200,\"total\":2}");
    }

    static String figures(String kind, String key, String name, long filings, long grants, long licensed, Map<String, String> q) {
        String window = q.getOrDefault("window", "ALL");
        return "{\"subject\":{\"kind\":\"" + kind + "\",\"key\":\"" + key + "\",\"name\":\"" + name + "\"},"
                + "\"window\":{\"spec\":\"" + window + "\",\"from\":\"1900-01-01\",\"to\":\"2026-12-06\"},\"asOf\":\"2026-12-06\","
                + "\"filings\":" + filings + ",\"grants\":" + grants + ",\"licensed\":" + licensed + ","
                + "\"share\":" + ratio(filings, GLOBAL_FILINGS) + ",\"licensingRate\":" + ratio(licensed, filings) + "}";
    }

    static String ranking(String kind, Map<String, String> q, String... entries) {
        return "{\"kind\":\"" + kind + "\",\"metric\":\"" + q.getOrDefault("metric", "share") + "\",\"window\":{\"spec\":\""
                + q.getOrDefault("window", "ALL") + "\",\"from\":\"1900-01-01\",\"to\":\"2026-12-06\"},\"asOf\":\"2026-12-06\","
                + "\"globalFilings\":" + GLOBAL_FILINGS + ",\"entries\":[" + String.join(",", entries) + "]}";
    }

    static String series(String kind, String key, String name, String interval, List<String> points) {
        return "{\"subject\":{\"kind\":\"" + kind + "\",\"key\":\"" + key + "\",\"name\":\"" + name + "\"},\"interval\":\""
                + interval + "\",\"points\":[" + String.join(",", points) + "]}";
    }

    static String point(String period, long filings, long global, long licensed) {
        return "{\"period\":\"" + period + "\",\"filings\":" + filings + ",\"globalFilings\":" + global + ",\"share\":"
                + ratio(filings, global) + ",\"licensed\":" + licensed + ",\"grants\":" + (filings / 2)
                + ",\"licensingRate\":" + ratio(licensed, filings) + "}";
    }

    /** As metrics writes a Ratio: 10 decimal places, half-even, trailing zeros dropped; null value for a 0 denominator. */
    static String ratio(long numerator, long denominator) {
        String value = denominator == 0 ? "null" : BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), 10, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return "{\"numerator\":" + numerator + ",\"denominator\":" + denominator + ",\"value\":" + value + "}";
    }

    static Map<String, String> query(HttpExchange x) {
        Map<String, String> q = new HashMap<>();
        String raw = x.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    static FakeService.Answer json(String body) {
        return FakeService.Answer.json(body);
    }
}
