package io.drover.master.state.machine;

/**
 * The numbers the next driver and application get. Stored with the state, so no id is handed out twice,
 * not even by a master that took over.
 */
public record IdCounters(long nextDriverNumber, long nextAppNumber) {

    public static final IdCounters START = new IdCounters(0, 0);
}
