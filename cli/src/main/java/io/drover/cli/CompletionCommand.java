package io.drover.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drover completion bash|zsh}: the completion script picocli generates from the commands themselves,
 * so it never drifts from them. One script serves both shells (it loads bash's completion into zsh).
 */
@Command(name = "completion",
        description = "Print a shell completion script for bash or zsh.",
        footer = {"%nExamples:",
                "  source <(drover completion bash)                 # in ~/.bashrc",
                "  source <(drover completion zsh)                  # in ~/.zshrc",
                "  drover completion bash > /etc/bash_completion.d/drover"})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "bash (default) or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        var root = spec.commandLine().getParent();
        spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
