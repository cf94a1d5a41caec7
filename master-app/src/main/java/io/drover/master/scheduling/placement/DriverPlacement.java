package io.drover.master.scheduling.placement;

import io.drover.protocol.resources.Resources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Where waiting drivers go (DESIGN.md §3), as Spark's {@code Master.schedule()} does it: the alive workers
 * in random order, visited round-robin from where the last driver was placed; each driver goes to the
 * first worker with enough free cores and memory (and Spark, for a driver that needs it), and a driver that
 * fits nowhere waits. Shuffling spreads
 * drivers over the cluster instead of piling them on the first worker registered.
 *
 * <p>A pure function: no clock, no I/O, no shared state; the shuffle comes from the seed, so the same input
 * always gives the same decisions. It never changes its arguments.
 */
public final class DriverPlacement {

    private DriverPlacement() {
    }

    /**
     * @param drivers waiting drivers in the order they should be served (submission order)
     * @param workers alive workers with their free resources, in any order
     * @param seed seeds the shuffle of the workers
     */
    public static List<DriverAssignment> place(List<WaitingDriver> drivers, List<WorkerCapacity> workers, long seed) {
        if (drivers.isEmpty() || workers.isEmpty()) {
            return List.of();
        }
        List<String> order = new ArrayList<>(workers.size());
        Map<String, Resources> free = new LinkedHashMap<>();
        Map<String, WorkerCapacity> byId = new LinkedHashMap<>();
        for (WorkerCapacity worker : workers) {
            order.add(worker.workerId());
            free.put(worker.workerId(), worker.free());
            byId.put(worker.workerId(), worker);
        }
        Collections.shuffle(order, new Random(seed));

        List<DriverAssignment> assignments = new ArrayList<>();
        int cursor = 0;
        for (WaitingDriver driver : drivers) {
            for (int visited = 0; visited < order.size(); visited++) {
                String workerId = order.get(cursor);
                cursor = (cursor + 1) % order.size();
                Resources available = free.get(workerId);
                if (available.fits(driver.demand()) && byId.get(workerId).canRun(driver.needsSpark())) {
                    free.put(workerId, available.minus(driver.demand()));
                    assignments.add(new DriverAssignment(driver.driverId(), workerId));
                    break;
                }
            }
        }
        return List.copyOf(assignments);
    }
}
