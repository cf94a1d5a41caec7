package io.drover.worker.config;

/**
 * The uids (and gids, the same numbers) a worker hands its children, {@code first-last} inclusive, like
 * systemd's dynamic users: no passwd entry is needed, nothing else on the machine may use them.
 */
public record UidRange(int first, int last) {

    public UidRange {
        if (first < 1000 || last < first) {
            throw new IllegalArgumentException("drover.worker.uid-range must be first-last with 1000 <= first <= last, not "
                    + first + "-" + last);
        }
    }

    /** Parses {@code 61184-65519}. */
    public static UidRange parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("-");
        try {
            if (parts.length == 2) {
                return new UidRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("drover.worker.uid-range must be first-last, e.g. 61184-65519, not " + text);
    }

    public int size() {
        return last - first + 1;
    }
}
