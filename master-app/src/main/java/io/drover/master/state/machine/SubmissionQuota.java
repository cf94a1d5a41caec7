package io.drover.master.state.machine;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.DriverDescription;
import io.drover.server.security.DriverTokens;
import java.util.List;
import java.util.Map;

/**
 * Per-principal caps on the work a caller has in the master: drivers and applications submitted and not yet
 * ended, and the size of their requests (issue 10: 300 queued drivers with large arguments from one
 * {@code submit} token exhausted the master's heap). Counted on the state machine's thread from the live state
 * at each submission, so two concurrent submissions cannot both slip under a cap, and nothing needs keeping in
 * step when work ends or the state is recovered. What a driver's own token submits counts for whoever
 * submitted the driver.
 *
 * @param maxDrivers drivers one principal may have waiting or running
 * @param maxApplications applications one principal may have waiting or running
 * @param maxBytes the total size of those drivers' and applications' requests (the characters of every name,
 *     command, argument, option, environment entry and URL)
 */
public record SubmissionQuota(int maxDrivers, int maxApplications, long maxBytes) {

    /** No caps: for engines built without quotas. */
    public static final SubmissionQuota NONE = new SubmissionQuota(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);

    void checkDriver(MasterState state, String submittedBy, DriverDescription adding) {
        Usage usage = usage(state, owner(state, submittedBy));
        if (usage.drivers() + 1 > maxDrivers) {
            throw refused(submittedBy, "drivers", usage.drivers(), maxDrivers, "max-drivers");
        }
        checkBytes(submittedBy, usage, size(adding));
    }

    void checkApplication(MasterState state, String submittedBy, ApplicationEntry adding) {
        Usage usage = usage(state, owner(state, submittedBy));
        if (usage.applications() + 1 > maxApplications) {
            throw refused(submittedBy, "applications", usage.applications(), maxApplications, "max-applications");
        }
        checkBytes(submittedBy, usage, size(adding));
    }

    private void checkBytes(String submittedBy, Usage usage, long adding) {
        if (usage.bytes() + adding > maxBytes) {
            throw CommandRejected.tooMany("'" + submittedBy + "' has " + usage.bytes() + " bytes of drivers and "
                    + "applications waiting or running; this one (" + adding + " bytes) would pass the limit of "
                    + maxBytes + " (drover.master.quotas.max-bytes)");
        }
    }

    private static CommandRejected refused(String submittedBy, String what, int has, int max, String key) {
        return CommandRejected.tooMany("'" + submittedBy + "' already has " + has + " " + what
                + " waiting or running, the limit (drover.master.quotas." + key + " = " + max + ")");
    }

    private record Usage(int drivers, int applications, long bytes) {
    }

    private static Usage usage(MasterState state, String owner) {
        int drivers = 0;
        int applications = 0;
        long bytes = 0;
        for (DriverEntry driver : state.activeDrivers().values()) {
            if (owner.equals(owner(state, driver.audit().submittedBy()))) {
                drivers++;
                bytes += size(driver.description());
            }
        }
        for (ApplicationEntry app : state.activeApps().values()) {
            if (owner.equals(owner(state, app.audit().submittedBy()))) {
                applications++;
                bytes += size(app);
            }
        }
        return new Usage(drivers, applications, bytes);
    }

    /** Whose quota a submission counts against: a driver's token counts for the driver's submitter. */
    private static String owner(MasterState state, String submittedBy) {
        if (submittedBy == null || !submittedBy.startsWith(DriverTokens.NAME_PREFIX)) {
            return String.valueOf(submittedBy);
        }
        String driverId = submittedBy.substring(DriverTokens.NAME_PREFIX.length());
        return state.anyDriver(driverId).map(d -> String.valueOf(d.audit().submittedBy())).orElse(submittedBy);
    }

    static long size(DriverDescription description) {
        return length(description.name()) + length(description.appResource()) + size(description.command());
    }

    static long size(ApplicationEntry app) {
        return length(app.name()) + length(app.appResource()) + length(app.driverUrl()) + size(app.executorCommand());
    }

    private static long size(CommandSpec command) {
        if (command == null) {
            return 0;
        }
        long size = length(command.mainClass()) + length(command.executable()) + length(command.classpath())
                + length(command.javaOptions()) + length(command.arguments());
        Map<String, String> environment = command.environment();
        if (environment != null) {
            for (Map.Entry<String, String> entry : environment.entrySet()) {
                size += length(entry.getKey()) + length(entry.getValue());
            }
        }
        return size;
    }

    private static long length(List<String> values) {
        long size = 0;
        if (values != null) {
            for (String value : values) {
                size += length(value);
            }
        }
        return size;
    }

    private static long length(String value) {
        return value == null ? 0 : value.length();
    }
}
