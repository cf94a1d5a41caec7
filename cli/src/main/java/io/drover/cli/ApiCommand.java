package io.drover.cli;

import io.drover.client.DroverClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every command that talks to the master shares: the global options, its streams, the two output forms. */
abstract class ApiCommand implements Callable<Integer> {

    @ParentCommand
    Drover drover;

    @Spec
    CommandSpec spec;

    DroverClient client() {
        return drover.global.client();
    }

    boolean json() {
        return drover.global.json();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints {@code value} as the API's JSON with {@code --output json}, else in its table form; exit code 0. */
    <T> int show(T value, BiConsumer<PrintWriter, T> table) {
        if (json()) {
            Output.json(out(), value);
        } else {
            table.accept(out(), value);
        }
        return 0;
    }
}
