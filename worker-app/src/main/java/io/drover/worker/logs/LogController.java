package io.drover.worker.logs;

import io.drover.protocol.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/logs/drivers/{driverId}/{stdout|stderr}?offset=&length=} and
 * {@code GET /api/v1/logs/{appId}/{executorId}/{stdout|stderr}?offset=&length=}: a byte range of a driver's
 * or an executor's log as UTF-8 text, with where it starts and the file's current length in headers, so a
 * viewer can page backwards or follow the end.
 */
@RestController
class LogController {

    static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final LogFiles logFiles;

    LogController(LogFiles logFiles) {
        this.logFiles = logFiles;
    }

    @GetMapping(Paths.WORKER_DRIVER_LOG)
    ResponseEntity<byte[]> driverLog(@PathVariable String driverId, @PathVariable String stream,
            @RequestParam(required = false) Long offset, @RequestParam(required = false) Long length) {
        LogFiles.checkLength(length); // a bad request is a 400 whether or not the file exists
        return serve(logFiles.driverLog(driverId, stream), offset, length);
    }

    /** The literal {@code drivers} segment of the driver route is more specific, so it never lands here. */
    @GetMapping(Paths.WORKER_EXECUTOR_LOG)
    ResponseEntity<byte[]> executorLog(@PathVariable String appId, @PathVariable String executorId,
            @PathVariable String stream, @RequestParam(required = false) Long offset,
            @RequestParam(required = false) Long length) {
        LogFiles.checkLength(length);
        return serve(logFiles.executorLog(appId, executorId, stream), offset, length);
    }

    private ResponseEntity<byte[]> serve(Path file, Long offset, Long length) {
        LogFiles.Chunk chunk = logFiles.read(file, offset, length);
        return ResponseEntity.ok()
                .contentType(TEXT_UTF8)
                .header(Paths.LOG_OFFSET_HEADER, Long.toString(chunk.offset()))
                .header(Paths.LOG_FILE_LENGTH_HEADER, Long.toString(chunk.fileLength()))
                .body(chunk.bytes());
    }
}
