package io.drover.master.scheduling.placement;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * Where waiting drivers go, as Spark 4's {@code Master.schedule()} places them: drivers take strict precedence
 * over executors. With {@code spreadOutDrivers} (the default) the alive workers are visited in random order,
 * round-robin from where the last driver was placed, and each driver goes to the first with room: shuffling
 * spreads drivers over the cluster instead of piling them on the first worker registered. Without it each
 * driver goes to the first worker by id with room. No driver is placed while {@code maxDrivers} are launched. A
 * driver that fits nowhere waits; a later, smaller one may still be placed.
 *
 * <p>Drivers come in their queues' turns (see {@link QueueBook}), and a queue at its core limit places none.
 */
final class DriverRound {

    private final WorkerPool pool;
    private final QueueBook queues;
    private final Infeasible infeasible;
    private final PlacementRules rules;

    DriverRound(Round round) {
        this.pool = round.pool();
        this.queues = round.queues();
        this.infeasible = round.infeasible();
        this.rules = round.rules();
    }

    /**
     * @param reasons gets the reason of each driver refused for its queue or the driver limit
     * @param noRoom gets each driver no worker had room for (its reason depends on the workers, found later)
     */
    void place(List<DriverAsk> drivers, long seed, List<DriverDecision> out, Map<String, String> reasons,
            List<DriverAsk> noRoom) {
        if (drivers.isEmpty()) {
            return;
        }
        Map<String, ArrayDeque<DriverAsk>> lines = queues.lines(drivers, DriverAsk::queue, QueueBook.DRIVER_ORDER);
        List<Integer> order = rules.spreadOutDrivers() ? pool.shuffled(seed) : pool.inIdOrder();
        int cursor = 0;
        int launched = rules.driversLaunched();
        for (String queue = queues.next(lines); queue != null; queue = queues.next(lines)) {
            DriverAsk driver = lines.get(queue).poll();
            if (launched >= rules.maxDrivers()) {
                reasons.put(driver.driverId(), WaitingReasons.maxDrivers(rules.maxDrivers(), launched));
                continue;
            }
            if (queues.room(queue) < driver.demand().cores()) {
                reasons.put(driver.driverId(), WaitingReasons.queueLimit(queue, queues.maxCores(queue),
                        queues.held(queue), driver.demand().cores(), "this driver"));
                continue;
            }
            Shape shape = driver.shape();
            int worker = -1;
            // A shape no worker had room for is skipped: Spark would visit every worker and come back to the
            // same place in the round-robin, so the cursor stays where it is either way.
            if (!infeasible.covers(shape)) {
                for (int visited = 0; visited < order.size() && worker < 0; visited++) {
                    int w = order.get(rules.spreadOutDrivers() ? cursor : visited);
                    if (rules.spreadOutDrivers()) {
                        cursor = (cursor + 1) % order.size();
                    }
                    if (pool.fits(w, shape)) {
                        worker = w;
                    }
                }
            }
            if (worker < 0) {
                infeasible.add(shape);
                noRoom.add(driver);
                continue;
            }
            Map<String, List<String>> addresses = pool.allocate(worker, driver.demand().cores(),
                    driver.demand().memoryMb(), driver.resources());
            out.add(new DriverDecision(driver.driverId(), pool.ids[worker], addresses));
            queues.hold(queue, driver.demand().cores());
            launched++;
        }
    }
}
