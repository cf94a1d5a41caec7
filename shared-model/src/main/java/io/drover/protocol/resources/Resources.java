package io.drover.protocol.resources;

/**
 * Cores and memory: what a worker offers, what a driver or executor asks for, what is free. The only
 * place resource arithmetic happens, so "fits" means the same thing in placement and in accounting.
 */
public record Resources(int cores, long memoryMb) {

    public static final Resources NONE = new Resources(0, 0);

    public static Resources of(int cores, long memoryMb) {
        return new Resources(cores, memoryMb);
    }

    public boolean fits(Resources demand) {
        return demand.cores <= cores && demand.memoryMb <= memoryMb;
    }

    public Resources plus(Resources other) {
        return new Resources(cores + other.cores, memoryMb + other.memoryMb);
    }

    public Resources minus(Resources other) {
        return new Resources(cores - other.cores, memoryMb - other.memoryMb);
    }
}
