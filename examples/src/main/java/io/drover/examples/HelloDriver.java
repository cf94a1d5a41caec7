package io.drover.examples;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * The smallest real driver: greets with what its worker told it through {@code DROVER_*} environment
 * variables, counts the primes below N ({@code args[0]}, default 100000) and exits 0.
 *
 * <pre>
 * java -cp examples.jar io.drover.examples.HelloDriver 200000
 * </pre>
 */
public final class HelloDriver {

    static final int DEFAULT_LIMIT = 100_000;

    private HelloDriver() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Does the work of {@link #main}; returns the exit status: 0, or 2 for a bad argument. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        int limit;
        try {
            limit = args.length > 0 ? Integer.parseInt(args[0].trim()) : DEFAULT_LIMIT;
            if (limit < 0 || limit > Primes.MAX_LIMIT) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            err.println("usage: HelloDriver [N]   (count primes below N, 0 <= N <= " + Primes.MAX_LIMIT
                    + "; got \"" + args[0] + "\")");
            return 2;
        }
        out.println("Hello from Drover driver " + env.getOrDefault("DROVER_DRIVER_ID", "(not on a worker)"));
        out.println("  host:      " + hostname(env));
        out.println("  cores:     " + env.getOrDefault("DROVER_CORES", "?"));
        out.println("  memory MB: " + env.getOrDefault("DROVER_MEMORY_MB", "?"));
        out.println("  worker:    " + env.getOrDefault("DROVER_WORKER_URL", "?"));
        long started = System.nanoTime();
        int count = Primes.countBelow(limit);
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.println("primes below " + limit + ": " + count);
        out.println("(counted in " + millis + " ms)");
        return 0;
    }

    private static String hostname(Map<String, String> env) {
        String fromWorker = env.get("DROVER_HOSTNAME");
        if (fromWorker != null && !fromWorker.isBlank()) {
            return fromWorker;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
