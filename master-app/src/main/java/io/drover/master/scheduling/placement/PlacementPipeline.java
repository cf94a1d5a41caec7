package io.drover.master.scheduling.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One placement round with reasons, as Nomad's scheduler stacks feasibility and ranking: workers that take no
 * new work (draining, unhealthy) are filtered out first; each ask then checks the rest for attributes, custom
 * resources, cores and memory, in the order of the worker selection policy, under its queue's limit and turn and
 * the driver limit. Drivers go first, then executors. Everything left waiting gets its reason.
 *
 * <p>A pure function: no clock, no I/O, no shared state; the driver shuffle comes from the input's seed, so the
 * same input always gives the same placement. It never changes its input.
 */
public final class PlacementPipeline {

    private PlacementPipeline() {
    }

    public static Placement place(PlacementInput input) {
        PlacementRules rules = input.rules();
        WorkerPool pool = new WorkerPool(input.workers(), rules.policy());
        QueueBook queues = new QueueBook(input.queues());
        Infeasible infeasible = new Infeasible();
        Map<String, String> driverReasons = new LinkedHashMap<>();
        Map<String, String> appReasons = new LinkedHashMap<>();
        List<DriverAsk> driversWithoutRoom = new ArrayList<>();
        List<AppAsk> appsWithoutRoom = new ArrayList<>();

        List<DriverDecision> drivers = new ArrayList<>();
        Round round = new Round(pool, queues, infeasible, rules);
        new DriverRound(round).place(input.drivers(), input.seed(), drivers, driverReasons,
                driversWithoutRoom);
        List<ExecutorDecision> executors = new ArrayList<>();
        new ExecutorRound(round).place(input.apps(), executors, appReasons,
                appsWithoutRoom);

        WaitingReasons reasons = new WaitingReasons(pool);
        driversWithoutRoom.forEach(d -> driverReasons.put(d.driverId(), reasons.noRoomFor(d)));
        appsWithoutRoom.forEach(a -> appReasons.put(a.appId(), reasons.noRoomFor(a)));
        return new Placement(drivers, executors, driverReasons, appReasons);
    }
}
