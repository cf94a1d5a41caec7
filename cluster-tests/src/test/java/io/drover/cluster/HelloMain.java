package io.drover.cluster;

/** A tiny driver program, packed into a jar at test time and run on a worker as the driver's appResource. */
public final class HelloMain {

    private HelloMain() {
    }

    public static void main(String[] args) {
        System.out.println("hello from a jar, driver " + System.getenv("DROVER_DRIVER_ID") + ", args "
                + String.join(",", args));
    }
}
