package io.nanopulse.gateway.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads counters out of a Prometheus text exposition (what the services' /q/metrics serve). */
public final class PrometheusText {
    private PrometheusText() {
    }

    /** Sum of the samples of {@code metric}, grouped by the value of {@code label} ("" when absent). */
    public static Map<String, Double> sumBy(String text, String metric, String label) {
        Map<String, Double> out = new LinkedHashMap<>();
        Pattern labelPattern = Pattern.compile("[{,]\\s*" + Pattern.quote(label) + "=\"([^\"]*)\"");
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            String rest = line.substring(metric.length());
            if (!(rest.startsWith("{") || rest.startsWith(" "))) {
                continue; // another metric whose name starts the same
            }
            int lastSpace = rest.lastIndexOf(' ');
            int closing = rest.lastIndexOf('}');
            String valuePart = rest.substring(Math.max(lastSpace, closing) + 1).trim();
            String[] tokens = valuePart.split("\\s+");
            double value;
            try {
                value = Double.parseDouble(tokens[0]);
            } catch (NumberFormatException e) {
                continue;
            }
            Matcher m = labelPattern.matcher(rest);
            String key = m.find() ? m.group(1) : "";
            out.merge(key, value, Double::sum);
        }
        return out;
    }
}
