package io.drover.master.scheduling.placement;

import java.util.ArrayList;
import java.util.List;

/**
 * The shapes no worker had room for earlier in this round. Free resources only shrink during a round, so an ask
 * that needs at least as much as one of them cannot fit either and skips the search; the few distinct shapes of
 * a busy cluster keep this list short.
 */
final class Infeasible {

    private final List<Shape> shapes = new ArrayList<>();

    boolean covers(Shape shape) {
        for (Shape known : shapes) {
            if (shape.needsAtLeast(known)) {
                return true;
            }
        }
        return false;
    }

    void add(Shape shape) {
        if (covers(shape)) {
            return;
        }
        shapes.removeIf(known -> known.needsAtLeast(shape));
        shapes.add(shape);
    }
}
