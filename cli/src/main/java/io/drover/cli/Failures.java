package io.drover.cli;

import io.drover.client.DroverApiException;
import io.drover.client.DroverClientException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line on stderr and the documented exit code: a master's refusal prints
 * its problem's {@code detail} (issue 11), never a stack trace.
 */
final class Failures implements IExecutionExceptionHandler {

    static final int DRIVER_WITHOUT_EXIT_CODE = 1;
    static final int USAGE = 2;
    static final int BAD_INPUT = 3;
    static final int NOT_FOUND = 4;
    static final int CONFLICT = 5;
    static final int REFUSED_CREDENTIALS = 6;
    static final int UNAVAILABLE = 7;

    private final PrintWriter err;

    Failures(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        err.println("drover: " + message(e));
        err.flush();
        return exitCode(e);
    }

    static String message(Exception e) {
        if (e instanceof DroverApiException api) {
            String what = api.detail() != null && !api.detail().isBlank() ? api.detail()
                    : api.title() != null ? api.title() : "the master answered " + api.status();
            return what + " (" + api.status() + (api.title() != null ? " " + api.title() : "") + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static int exitCode(Exception e) {
        if (e instanceof DroverApiException api) {
            return statusCode(api.status());
        }
        if (e instanceof UsageProblem || e instanceof IllegalArgumentException) {
            return USAGE;
        }
        if (e instanceof DroverClientException) {
            return UNAVAILABLE;
        }
        return CommandLine.ExitCode.SOFTWARE;
    }

    static int statusCode(int status) {
        return switch (status) {
            case 401, 403 -> REFUSED_CREDENTIALS;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            default -> status >= 500 ? UNAVAILABLE : BAD_INPUT;
        };
    }
}
