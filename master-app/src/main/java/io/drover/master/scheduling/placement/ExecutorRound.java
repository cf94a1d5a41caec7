package io.drover.master.scheduling.placement;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Executors for the applications that want them, after the drivers. Applications come in their queues' turns
 * (see {@link QueueBook}); each turn grants the application at the head of the queue what Spark would
 * ({@link ExecutorGrants}), cut to what its queue may still hold and, while another queue has applications
 * waiting, to what brings its queue up to its weighted share of the cluster's cores (at least one executor's
 * worth), so that queues take turns at their weights' pace. An application cut short stays at the head of its
 * queue for its next turn. With one queue this is exactly Spark's first-in first-out round.
 */
final class ExecutorRound {

    private final WorkerPool pool;
    private final QueueBook queues;
    private final Infeasible infeasible;
    private final PlacementRules rules;

    ExecutorRound(Round round) {
        this.pool = round.pool();
        this.queues = round.queues();
        this.infeasible = round.infeasible();
        this.rules = round.rules();
    }

    /**
     * @param reasons gets the reason of each application its queue's limit kept from getting anything
     * @param noRoom gets each application that got nothing because no worker had room (explained later)
     */
    void place(List<AppAsk> apps, List<ExecutorDecision> out, Map<String, String> reasons, List<AppAsk> noRoom) {
        List<AppAsk> wanting = apps.stream().filter(AppAsk::wantsMore).toList();
        if (wanting.isEmpty()) {
            return;
        }
        Map<String, ArrayDeque<AppAsk>> lines = queues.lines(wanting, AppAsk::queue, QueueBook.APP_ORDER);
        Map<String, Double> shares = FairShare.of(queues.activeWeights(lines), rules.clusterCores());
        ExecutorGrants grants = new ExecutorGrants(pool, rules.spreadOutApps());
        Set<String> served = new HashSet<>();
        for (String queue = queues.next(lines); queue != null; queue = queues.next(lines)) {
            ArrayDeque<AppAsk> line = lines.get(queue);
            AppAsk app = line.peek();
            int room = queues.room(queue);
            if (room < app.minCores()) {
                line.poll();
                if (!served.contains(app.appId())) {
                    reasons.put(app.appId(), WaitingReasons.queueLimit(queue, queues.maxCores(queue),
                            queues.held(queue), app.minCores(), "one more executor"));
                }
                continue;
            }
            int cap = room;
            if (queues.othersWaiting(lines, queue)) {
                int toShare = (int) Math.floor(shares.getOrDefault(queue, 0.0)) - queues.held(queue);
                cap = Math.min(cap, Math.max(app.minCores(), toShare));
            }
            Shape shape = app.shape();
            ExecutorGrants.Granted granted = infeasible.covers(shape)
                    ? new ExecutorGrants.Granted(0, 0, List.of(), true) : grants.grant(app, cap, out);
            queues.hold(queue, granted.cores());
            if (granted.cores() == 0) {
                line.poll();
                if (!app.oneExecutorPerWorker() || app.workersWithExecutor().isEmpty()) {
                    infeasible.add(shape);
                }
                if (!served.contains(app.appId())) {
                    noRoom.add(app);
                }
                continue;
            }
            served.add(app.appId());
            line.poll();
            boolean cutShort = cap < app.coresWanted() && granted.cores() + app.minCores() > cap;
            if (cutShort) {
                AppAsk rest = remainder(app, granted);
                if (rest.wantsMore()) {
                    line.addFirst(rest);
                }
            }
        }
    }

    /** What the application still wants after a grant. */
    private static AppAsk remainder(AppAsk app, ExecutorGrants.Granted granted) {
        Set<String> holders = app.workersWithExecutor();
        if (app.oneExecutorPerWorker()) {
            holders = new LinkedHashSet<>(holders);
            holders.addAll(granted.workers());
        }
        int wanted = app.coresWanted() == Integer.MAX_VALUE ? Integer.MAX_VALUE : app.coresWanted() - granted.cores();
        int allowed = app.executorsAllowed() == Integer.MAX_VALUE ? Integer.MAX_VALUE
                : app.executorsAllowed() - granted.executors();
        return new AppAsk(app.appId(), app.queue(), app.priority(), app.seq(), app.coresPerExecutor(),
                app.memoryPerExecutorMb(), app.resourcesPerExecutor(), wanted, allowed, holders,
                app.requiredAttributes());
    }
}
