package io.drover.client;

/**
 * A byte range of a log ({@link DroverClient#driverLogChunk}) with where it starts in the file and the file's
 * length when it was read (the {@code Drover-Log-Offset} and {@code Drover-Log-File-Length} headers), so a
 * reader can ask for what comes next, as {@code tail -f} does.
 *
 * @param offset where {@code bytes} start in the file
 * @param fileLength the file's length when it was read; past {@code offset + bytes.length} more is waiting
 * @param bytes the range as read, possibly cutting a multi-byte character at either end
 */
public record LogChunk(long offset, long fileLength, byte[] bytes) {

    /** Where the next read should start. */
    public long end() {
        return offset + bytes.length;
    }
}
