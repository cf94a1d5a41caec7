package io.drover.master.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code spark.driver.extraJavaOptions} into arguments as Spark's {@code Utils.splitCommandString}
 * does: on whitespace, with single and double quotes grouping (quotes removed) and a backslash escaping the
 * next character outside single quotes.
 */
final class JavaOptionStrings {

    private JavaOptionStrings() {
    }

    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    parts.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            parts.add(current.toString());
        }
        return parts;
    }
}
