package io.drover.cluster;

import java.lang.management.ManagementFactory;

/**
 * Spins two threads for a few seconds and prints the CPU time the process got against the wall time: a
 * driver run with one core must get about one core's worth, however many threads it spins.
 */
public final class BusyMain {

    private BusyMain() {
    }

    public static void main(String[] args) throws Exception {
        long wallMs = Long.parseLong(args[0]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        Thread[] threads = new Thread[2];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                long sum = 0;
                while (System.nanoTime() - started < wallMs * 1_000_000) {
                    sum += System.nanoTime() % 7;
                }
                if (sum == 42) {
                    System.out.print(""); // keeps the loop from being optimized away
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long wall = (System.nanoTime() - started) / 1_000_000;
        long cpu = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;
        System.out.println("cpu=" + cpu + " wall=" + wall);
    }
}
