package io.drover.master.ha;

/**
 * Whether this master leads the cluster, and what happens when that changes: it takes the store over and
 * recovers when it wins, and steps down when it loses. Begins once the master knows its own URL.
 */
interface Leadership extends AutoCloseable {

    void begin();

    @Override
    void close();
}
