package io.drover.cluster;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.Summary;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scrapes a Prometheus text exposition ({@code /actuator/prometheus}) with a real parser (Hawkular's)
 * into samples keyed by {@code name{label="value",...}}.
 */
final class PrometheusText {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, Double> samples;

    private PrometheusText(Map<String, Double> samples) {
        this.samples = samples;
    }

    static PrometheusText scrape(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(Credentials.authorized(baseUrl + "/actuator/prometheus")
                    .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("scrape answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses with Hawkular's Prometheus text parser, then names each sample as the exposition does
     * ({@code name{label="value",...}}, labels in name order as Micrometer writes them; summaries and
     * histograms as {@code _count}, {@code _sum}, quantiles and buckets).
     */
    static PrometheusText parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
                for (Metric metric : family.getMetrics()) {
                    add(samples, metric);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Prometheus text exposition", e);
        }
        return new PrometheusText(samples);
    }

    private static void add(Map<String, Double> samples, Metric metric) {
        String name = metric.getName();
        Map<String, String> labels = new TreeMap<>(metric.getLabels());
        if (metric instanceof Counter counter) {
            samples.put(key(name, labels), counter.getValue());
        } else if (metric instanceof Gauge gauge) {
            samples.put(key(name, labels), gauge.getValue());
        } else if (metric instanceof Summary summary) {
            samples.put(key(name + "_count", labels), (double) summary.getSampleCount());
            samples.put(key(name + "_sum", labels), summary.getSampleSum());
            for (Summary.Quantile quantile : summary.getQuantiles()) {
                Map<String, String> withQuantile = new TreeMap<>(labels);
                withQuantile.put("quantile", Double.toString(quantile.getQuantile()));
                samples.put(key(name, withQuantile), quantile.getValue());
            }
        } else if (metric instanceof Histogram histogram) {
            samples.put(key(name + "_count", labels), (double) histogram.getSampleCount());
            samples.put(key(name + "_sum", labels), histogram.getSampleSum());
        }
    }

    private static String key(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder key = new StringBuilder(name).append('{');
        labels.forEach((label, value) -> key.append(label).append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append("\","));
        key.setLength(key.length() - 1);
        return key.append('}').toString();
    }

    /** The sample named exactly so, labels included as exposed ({@code drover_workers{state="ALIVE"}}). */
    Optional<Double> get(String sample) {
        return Optional.ofNullable(samples.get(sample));
    }

    double value(String sample) {
        return get(sample).orElseThrow(() -> new AssertionError("no sample " + sample + " in " + samples.keySet()));
    }
}
