package io.drover.cluster;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrapes a Prometheus text exposition ({@code /actuator/prometheus}) into samples keyed by
 * {@code name{label="value",...}} exactly as exposed. Enough of the format for these tests: comments,
 * labels with escaped quotes, and values including {@code NaN} and {@code +Inf}.
 */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*})?\\s+(\\S+)(?:\\s+\\d+)?$");
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

    static PrometheusText parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample line: " + line);
            }
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), number(m.group(3)));
        }
        return new PrometheusText(samples);
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    /** The sample named exactly so, labels included as exposed ({@code drover_workers{state="ALIVE"}}). */
    Optional<Double> get(String sample) {
        return Optional.ofNullable(samples.get(sample));
    }

    double value(String sample) {
        return get(sample).orElseThrow(() -> new AssertionError("no sample " + sample + " in " + samples.keySet()));
    }
}
