package io.drover.cluster;

/**
 * Tiny drivers for the Spark REST tests, like the lab's anchors: {@code hello a b} prints its arguments,
 * {@code exit N} exits with N, {@code sleep MS} sleeps.
 */
public final class AnchorMain {

    private AnchorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        switch (args.length == 0 ? "hello" : args[0]) {
            case "exit" -> System.exit(Integer.parseInt(args[1]));
            case "sleep" -> Thread.sleep(Long.parseLong(args[1]));
            default -> System.out.println("hello from anchors, args=" + String.join(",", args));
        }
    }
}
