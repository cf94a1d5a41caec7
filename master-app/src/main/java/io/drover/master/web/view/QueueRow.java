package io.drover.master.web.view;

import io.drover.protocol.api.QueueView;
import java.util.Locale;

/**
 * A queue as the overview's table shows it: the API's record, with its share written for people.
 *
 * @param maxCoresText its core limit, or "none"
 * @param fairShareText its weighted share of the alive workers' cores, one decimal; "—" while it has no work
 */
public record QueueRow(String name, int weight, String maxCoresText, int coresHeld, String fairShareText,
        int waitingDrivers, int waitingApplications, int activeDrivers, int activeApplications) {

    static QueueRow of(QueueView q) {
        boolean active = q.coresHeld() > 0 || q.waitingDrivers() > 0 || q.waitingApplications() > 0;
        return new QueueRow(q.name(), q.weight(), q.maxCores() == null ? "none" : q.maxCores().toString(),
                q.coresHeld(), active ? String.format(Locale.ROOT, "%.1f", q.fairShareCores()) : "—",
                q.waitingDrivers(), q.waitingApplications(), q.activeDrivers(), q.activeApplications());
    }
}
