/**
 * What survives the master: the {@code PersistenceEngine} contract (key → bytes, one atomic synced write per
 * batch, a durable leader epoch) and its engines: RocksDB (recovery mode LOCAL), ZooKeeper (ZOOKEEPER) and
 * memory (NONE). Engines know nothing of drivers or workers; the state package encodes its records. Called
 * from one thread at a time.
 */
package io.drover.master.persistence;
