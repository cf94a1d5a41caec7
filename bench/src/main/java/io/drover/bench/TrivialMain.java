package io.drover.bench;

/** The trivial Java driver of issue 13: its {@code main} prints a line. {@link TinyJar} packs it alone. */
public final class TrivialMain {

    private TrivialMain() {
    }

    public static void main(String[] args) {
        System.out.println("hello from a trivial driver");
    }
}
