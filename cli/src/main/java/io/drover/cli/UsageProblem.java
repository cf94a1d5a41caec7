package io.drover.cli;

/** A mistake in how the command was called or configured (exit code 2), found after parsing. */
final class UsageProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageProblem(String message) {
        super(message);
    }
}
