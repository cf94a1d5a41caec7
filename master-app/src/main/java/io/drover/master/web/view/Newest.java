package io.drover.master.web.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Picks a window of an oldest-first map (the snapshot keeps ended drivers and applications that way)
 * newest first, without mapping the rest: the pages map only the rows they show, so thousands of retained
 * entries cost a copy of references, not thousands of rows.
 */
final class Newest {

    private Newest() {
    }

    /** Up to {@code limit} values, newest first, after skipping the {@code skip} newest. */
    static <V> List<V> of(Map<?, V> oldestFirst, int skip, int limit) {
        List<V> all = new ArrayList<>(oldestFirst.values());
        List<V> picked = new ArrayList<>(Math.max(0, Math.min(limit, all.size() - skip)));
        for (int i = all.size() - 1 - skip; i >= 0 && picked.size() < limit; i--) {
            picked.add(all.get(i));
        }
        return picked;
    }

    /** Up to {@code limit} values in the map's own order, after skipping {@code skip}. */
    static <V> List<V> inOrder(Map<?, V> map, int skip, int limit) {
        return map.values().stream().skip(skip).limit(limit).toList();
    }
}
