package io.drover.bench.durability;

import io.drover.client.DroverClient;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Drivers of {@code /bin/true} from a few concurrent clients, each sending its next submission once the
 * previous one was acknowledged (201), optionally no faster than a given pace.
 */
final class SubmitLoad {

    private static final SubmitDriverRequest TRUE = new SubmitDriverRequest("bench", null,
            CommandSpec.executable("/bin/true", List.of()), 1, 64L, false);

    /** What one load did: how long the acknowledgements took, and every driver as the master ended it. */
    record Result(int submitted, Duration submitting, List<Double> ackMillis, List<DriverView> drivers, int lost) {

        double acknowledgedPerSecond() {
            return submitted / (submitting.toNanos() / 1e9);
        }

        /** Submit → RUNNING by the master's own timestamps, sorted. */
        List<Double> runningMillis() {
            return drivers.stream().filter(d -> d.startedAt() != null)
                    .map(d -> Duration.between(d.submittedAt(), d.startedAt()).toNanos() / 1e6).sorted().toList();
        }

        /** Drivers that did not simply run once and finish: killed, lost with a worker, restarted. */
        long killed() {
            return drivers.stream().filter(d -> d.state() != DriverState.FINISHED || d.restarts() > 0).count();
        }
    }

    private SubmitLoad() {
    }

    /**
     * {@code clients} threads each submit {@code perClient} drivers; with a {@code pace}, a client waits that
     * long between the starts of its submissions. Returns once every driver has ended.
     */
    static Result run(DroverClient client, int clients, int perClient, Duration pace) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Double> ackMillis = Collections.synchronizedList(new ArrayList<>());
        Duration submitting = inParallel(clients, () -> {
            long next = System.nanoTime();
            for (int i = 0; i < perClient; i++) {
                if (pace != null) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    next += pace.toNanos();
                }
                long sent = System.nanoTime();
                acknowledged.add(client.submitDriver(TRUE));
                ackMillis.add((System.nanoTime() - sent) / 1e6);
            }
        });
        Map<String, DriverView> ended = awaitEnded(client, acknowledged);
        List<DriverView> drivers = acknowledged.stream().map(ended::get).filter(d -> d != null).toList();
        return new Result(acknowledged.size(), submitting, ackMillis.stream().sorted().toList(), drivers,
                acknowledged.size() - drivers.size());
    }

    /** Only the acknowledgements: {@code clients} threads submit flat out; how long until all were answered. */
    static Duration acknowledge(DroverClient client, int clients, int perClient) throws Exception {
        return inParallel(clients, () -> {
            for (int i = 0; i < perClient; i++) {
                client.submitDriver(TRUE);
            }
        });
    }

    /** Runs {@code client} on that many threads at once; how long until the last one was done. */
    private static Duration inParallel(int clients, Runnable client) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(threads.submit(client));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Waits, at most five minutes, until every acknowledged driver has ended; the master's views of them. */
    private static Map<String, DriverView> awaitEnded(DroverClient client, Set<String> ids) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            Map<String, DriverView> known = client.drivers().stream().filter(d -> ids.contains(d.driverId()))
                    .collect(Collectors.toMap(DriverView::driverId, Function.identity()));
            boolean allEnded = known.size() == ids.size()
                    && known.values().stream().allMatch(d -> d.state().isTerminal());
            if (allEnded || System.nanoTime() > deadline) {
                return known;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
