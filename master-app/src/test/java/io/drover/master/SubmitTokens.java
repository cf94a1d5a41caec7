package io.drover.master;

import java.util.ArrayList;
import java.util.List;

/** Two people with {@code submit} tokens, alice and bob, as the tests' masters know them. */
public final class SubmitTokens {

    public static final String ALICE = "alice-submit-token-0001";
    public static final String BOB = "bob-submit-token-000002";

    private SubmitTokens() {
    }

    /** A master's arguments: a random port, {@code secret}, alice's and bob's tokens, then {@code more}. */
    public static String[] masterArgs(String secret, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", TestDataDir.argument(),
                "--drover.auth.secret=" + secret,
                "--drover.auth.tokens[0].name=alice", "--drover.auth.tokens[0].token=" + ALICE,
                "--drover.auth.tokens[0].role=submit",
                "--drover.auth.tokens[1].name=bob", "--drover.auth.tokens[1].token=" + BOB,
                "--drover.auth.tokens[1].role=SUBMIT"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
