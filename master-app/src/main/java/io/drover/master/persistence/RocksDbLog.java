package io.drover.master.persistence;

import org.rocksdb.InfoLogLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RocksDB's own log, sent to the master's log instead of a {@code LOG} file in the state directory. Opening a
 * database with a file log renames the old {@code LOG} and writes a new one even when the open then fails, so
 * a master refusing a corrupt store would still have changed it; with this logger it changes nothing there.
 */
final class RocksDbLog extends org.rocksdb.Logger {

    private static final Logger log = LoggerFactory.getLogger("org.rocksdb");

    RocksDbLog() {
        super(InfoLogLevel.WARN_LEVEL);
    }

    @Override
    protected void log(InfoLogLevel level, String message) {
        switch (level) {
            case DEBUG_LEVEL -> log.debug("{}", message);
            case INFO_LEVEL, HEADER_LEVEL -> log.info("{}", message);
            case WARN_LEVEL -> log.warn("{}", message);
            default -> log.error("{}", message);
        }
    }
}
