package io.drover.examples.spark;

import java.util.Map;
import java.util.TreeMap;

/**
 * The text {@link SparkWordCount} counts, made up on the spot so the job needs no input files: line
 * {@code i} has {@value #WORDS_PER_LINE} words drawn from {@value #VOCABULARY} by a fixed formula, so any
 * JVM can tell the right answer without Spark ({@link #expectedCounts}).
 */
public final class GeneratedText {

    public static final int WORDS_PER_LINE = 8;
    public static final int VOCABULARY = 97;

    private GeneratedText() {
    }

    public static String line(long i) {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < WORDS_PER_LINE; j++) {
            if (j > 0) {
                line.append(' ');
            }
            line.append("w").append(Math.floorMod(i * 31 + (long) j * j * 7 + i / 3, VOCABULARY));
        }
        return line.toString();
    }

    /** Each word's count over lines {@code 0 .. lines-1}, by word. */
    public static Map<String, Long> expectedCounts(long lines) {
        Map<String, Long> counts = new TreeMap<>();
        for (long i = 0; i < lines; i++) {
            for (String word : line(i).split(" ")) {
                counts.merge(word, 1L, Long::sum);
            }
        }
        return counts;
    }
}
