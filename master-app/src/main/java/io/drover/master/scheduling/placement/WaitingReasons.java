package io.drover.master.scheduling.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a driver or an application waits, in words a user acts on: {@code no alive worker has 4 free cores and
 * 8 GiB}, {@code queue 'etl' is at its 32-core limit}, {@code maxDrivers reached}. What no worker had room for is
 * explained at the end of the round from what the workers have left then, one scan per distinct shape of ask;
 * the queue's and the driver limit's reasons are given when they stop an ask.
 */
final class WaitingReasons {

    private final WorkerPool pool;
    private final Map<Shape, String> byShape = new HashMap<>();

    WaitingReasons(WorkerPool pool) {
        this.pool = pool;
    }

    static String maxDrivers(int maxDrivers, int launched) {
        return "maxDrivers reached: " + launched + " drivers launched, drover.master.max-drivers is " + maxDrivers;
    }

    static String queueLimit(String queue, Integer maxCores, int held, int needed, String what) {
        return "queue '" + queue + "' is at its " + maxCores + "-core limit (it holds " + held + " cores; " + what
                + " needs " + needed + ")";
    }

    String noRoomFor(DriverAsk driver) {
        return byShape.computeIfAbsent(driver.shape(), this::explain);
    }

    String noRoomFor(AppAsk app) {
        Shape shape = app.shape();
        String reason = byShape.computeIfAbsent(shape, this::explain);
        if (reason == null && !app.oneExecutorPerWorker()) {
            return "no worker had room for it when its turn came" + leftOutSuffix();
        }
        if (reason == null) {
            // Some worker has room for one executor, so each such worker already runs one of it.
            return "every alive worker with room for one more executor already runs one of its executors (with "
                    + "coresPerExecutor unset an application has one executor per worker)" + leftOutSuffix();
        }
        return reason;
    }

    /** Why no worker has room for the shape, or null when one does. */
    private String explain(Shape shape) {
        if (pool.size() == 0) {
            return pool.leftOut().isEmpty() ? "no alive worker"
                    : "no alive worker takes new work: " + describe(pool.leftOut());
        }
        for (String name : shape.resources().keySet()) {
            if (pool.offering(new Shape(1, 0, Map.of(name, 1), Map.of())).length == 0) {
                return "no alive worker offers " + name + leftOutSuffix();
            }
        }
        boolean anyAttributes = false;
        int mostCores = 0;
        long mostMemory = 0;
        Map<String, Integer> mostFree = new HashMap<>();
        // An ask for a custom resource is weighed against the workers that offer it; any other against all.
        int[] some = shape.resources().isEmpty() ? null : pool.offering(shape);
        int count = some == null ? pool.size() : some.length;
        for (int i = 0; i < count; i++) {
            int w = some == null ? i : some[i];
            if (!shape.attributes().isEmpty() && !Feasibility.hasAttributes(pool.attributes[w], shape.attributes())) {
                continue;
            }
            if (pool.fits(w, shape)) {
                return null;
            }
            anyAttributes = true;
            mostCores = Math.max(mostCores, pool.freeCores[w]);
            mostMemory = Math.max(mostMemory, pool.freeMemory[w]);
            for (String name : shape.resources().isEmpty() ? List.<String>of() : shape.resources().keySet()) {
                List<String> free = pool.freeAddresses[w].get(name);
                mostFree.merge(name, free == null ? 0 : free.size(), Math::max);
            }
        }
        if (!anyAttributes) {
            return "no alive worker has " + attributes(shape.attributes()) + leftOutSuffix();
        }
        List<String> missing = new ArrayList<>();
        if (mostCores < shape.cores()) {
            missing.add(cores(mostCores));
        }
        if (mostMemory < shape.memoryMb()) {
            missing.add(memory(mostMemory));
        }
        shape.resources().forEach((name, amount) -> {
            int most = mostFree.getOrDefault(name, 0);
            if (most < amount) {
                missing.add(most + " " + name);
            }
        });
        String detail = missing.isEmpty() ? " at once" : " (the most any has free: " + String.join(", ", missing) + ")";
        return "no alive worker has " + demand(shape) + detail + leftOutSuffix();
    }

    /** What one worker would need free: {@code 4 free cores, 8 GiB and 1 free gpu}. */
    private static String demand(Shape shape) {
        List<String> parts = new ArrayList<>();
        parts.add(shape.cores() == 1 ? "1 free core" : shape.cores() + " free cores");
        parts.add(memory(shape.memoryMb()));
        shape.resources().forEach((name, amount) -> parts.add(amount + " free " + name));
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String cores(int cores) {
        return cores == 1 ? "1 core" : cores + " cores";
    }

    static String memory(long mb) {
        return mb > 0 && mb % 1024 == 0 ? mb / 1024 + " GiB" : mb + " MiB";
    }

    private static String attributes(Map<String, String> required) {
        List<String> parts = new ArrayList<>();
        required.forEach((name, value) -> parts.add(value.isEmpty() ? "attribute " + name
                : "attribute " + name + "=" + value));
        return String.join(" and ", parts);
    }

    private String leftOutSuffix() {
        return pool.leftOut().isEmpty() ? "" : "; left out: " + describe(pool.leftOut());
    }

    private static String describe(Map<String, Integer> leftOut) {
        List<String> parts = new ArrayList<>();
        leftOut.forEach((why, count) -> parts.add(count + (count == 1 ? " worker " : " workers ") + why));
        return String.join(", ", parts);
    }
}
