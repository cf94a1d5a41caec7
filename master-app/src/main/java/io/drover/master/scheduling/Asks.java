package io.drover.master.scheduling;

import io.drover.master.scheduling.placement.AppAsk;
import io.drover.master.scheduling.placement.DriverAsk;
import io.drover.master.scheduling.placement.WorkerOffer;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.Scheduling;
import io.drover.protocol.command.CommandSpec;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The master's entries as the placement's inputs. Pure. */
final class Asks {

    private static final Map<String, String> SPARK = Map.of(Scheduling.SPARK_VERSION_ATTRIBUTE, "");

    private Asks() {
    }

    /** An ALIVE worker and what it has free. */
    static WorkerOffer offer(WorkerEntry w) {
        return new WorkerOffer(w.workerId(), w.free(), w.resources().free(), w.attributes(), w.drain() != null,
                w.health().healthy() ? null : w.health().reason());
    }

    /**
     * A driver waiting for a worker. Required worker attributes are where a kind of driver that needs something
     * of its worker says so (a Spark driver needs a worker with Spark); a plain driver requires none.
     */
    static DriverAsk driver(DriverEntry d) {
        return new DriverAsk(d.driverId(), d.queueing().queue(), d.queueing().priority(), d.seq(), d.demand(),
                d.description().resources(), requiredAttributes(d.description().command()));
    }

    /** What an application still wants, from what it holds: {@code maxCores} and the executor limit. */
    static AppAsk app(ApplicationEntry app) {
        int granted = app.coresGranted();
        long live = app.liveExecutors();
        int coresWanted = app.maxCores() == null ? Integer.MAX_VALUE : Math.max(0, app.maxCores() - granted);
        int executorsAllowed = app.executorLimit() == null ? Integer.MAX_VALUE
                : (int) Math.max(0, app.executorLimit() - live);
        AppAsk ask = ask(app, coresWanted, executorsAllowed, Set.of());
        // Only an application with one executor per worker (no cores per executor) is kept off the workers it
        // is on, and only while it wants more: reading all its executors for that in every round made a round
        // cost as much as the cluster's executors.
        return app.coresPerExecutor() == null && ask.wantsMore()
                ? ask(app, coresWanted, executorsAllowed, liveOn(app)) : ask;
    }

    private static AppAsk ask(ApplicationEntry app, int coresWanted, int executorsAllowed, Set<String> hosts) {
        return new AppAsk(app.appId(), app.queueing().queue(), app.queueing().priority(), app.seq(),
                app.coresPerExecutor(), app.memoryPerExecutorMb(), app.resourcesPerExecutor(), coresWanted,
                executorsAllowed, hosts, requiredAttributes(app.executorCommand()));
    }

    /** The workers the application's live executors run on. */
    private static Set<String> liveOn(ApplicationEntry app) {
        Set<String> hosts = new HashSet<>();
        for (ExecutorEntry e : app.executors().values()) {
            if (e.isLive()) {
                hosts.add(e.workerId());
            }
        }
        return hosts;
    }

    /** A command that needs Spark ({@code {{SPARK_CLASSPATH}}}) needs a worker with Spark, of any version. */
    private static Map<String, String> requiredAttributes(CommandSpec command) {
        return command.needsSpark() ? SPARK : Map.of();
    }

    /** Whether an application wants more cores than it holds (and may add an executor). */
    static boolean wantsMore(ApplicationEntry app) {
        return app(app).wantsMore();
    }

    /** Cores a driver holds on its worker: from its placement until it ends. */
    static int coresHeld(DriverEntry d) {
        return d.workerId() == null ? 0 : d.description().cores();
    }
}
