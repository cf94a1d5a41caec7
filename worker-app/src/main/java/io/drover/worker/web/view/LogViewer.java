package io.drover.worker.web.view;

/**
 * What the shared log viewer shell ({@code drover/fragments/logs :: logViewer(viewer)}) and its script
 * need: the byte-range API to read, which stream this is, the pages of both streams for the switch,
 * whether to start following the end, and how many bytes to fetch at a time.
 *
 * @param follow true while the process runs, so its page tails the growing file from the start
 * @param chunkBytes the tail shown first and the step of "load earlier"; small, so a huge log opens at once
 */
public record LogViewer(String apiUrl, String stream, String stdoutUrl, String stderrUrl, boolean follow,
        long chunkBytes) {

    /** 64 KiB: a screenful or two of text, sent and rendered at once however long the file. */
    public static final long CHUNK_BYTES = 64 * 1024;
}
