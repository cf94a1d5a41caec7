package io.drover.master.state.storage;

/** The id counters, stored under {@code meta/counters}: the numbers the next driver and application get. */
record StoredCounters(int version, long nextDriverNumber, long nextAppNumber) implements StoredRecord {
}
