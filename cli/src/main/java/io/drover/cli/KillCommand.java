package io.drover.cli;

import io.drover.client.DroverClient;
import io.drover.client.DroverClientException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code drover kill ID…}: drivers, applications ({@code app-…}) or single executors ({@code app-…/N}). Every
 * id is tried; the exit code is the first refusal's.
 */
@Command(name = "kill",
        description = "Kill drivers, applications (app-...) or executors (app-.../N). The kill goes on in the background.",
        footer = {"%nExamples:",
                "  drover kill driver-20261122083000-0000",
                "  drover kill app-20261122083000-0000 app-20261122083000-0001/3"})
final class KillCommand extends ApiCommand {

    @Parameters(arity = "1..*", paramLabel = "ID", description = "What to kill.")
    List<String> ids;

    @Override
    public Integer call() {
        DroverClient client = client();
        PrintWriter out = out();
        PrintWriter err = err();
        int exitCode = 0;
        for (String id : ids) {
            try {
                kill(client, id);
                out.println("Killing " + id);
            } catch (DroverClientException | UsageProblem e) {
                err.println("drover: " + id + ": " + Failures.message(e));
                if (exitCode == 0) {
                    exitCode = Failures.exitCode(e);
                }
            }
        }
        return exitCode;
    }

    private static void kill(DroverClient client, String id) {
        if (Ids.isExecutor(id)) {
            String appId = id.substring(0, id.indexOf('/'));
            String number = id.substring(id.indexOf('/') + 1);
            try {
                client.killExecutor(appId, Integer.parseInt(number));
            } catch (NumberFormatException e) {
                throw new UsageProblem("not an executor id: " + id);
            }
        } else if (Ids.isApplication(id)) {
            client.killApplication(id);
        } else {
            client.killDriver(id);
        }
    }
}
