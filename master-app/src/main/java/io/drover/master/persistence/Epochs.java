package io.drover.master.persistence;

import java.nio.charset.StandardCharsets;

/** How every engine stores the leader epoch: decimal text under {@link #KEY}, readable with any tool. */
public final class Epochs {

    /** The key of the leader epoch in a key-value store; ZooKeeper keeps it in a node of its own. */
    public static final String KEY = "meta/epoch";

    public static byte[] encode(long epoch) {
        return Long.toString(epoch).getBytes(StandardCharsets.US_ASCII);
    }

    /** The stored epoch, or 0 when none was stored yet. */
    public static long decode(byte[] bytes, String where) {
        if (bytes == null || bytes.length == 0) {
            return 0;
        }
        String text = new String(bytes, StandardCharsets.US_ASCII).trim();
        try {
            long epoch = Long.parseLong(text);
            if (epoch < 0) {
                throw new NumberFormatException("negative");
            }
            return epoch;
        } catch (NumberFormatException e) {
            throw new UnreadableStateException("The leader epoch stored in " + where + " is not a number: '" + text
                    + "'");
        }
    }

    private Epochs() {
    }
}
