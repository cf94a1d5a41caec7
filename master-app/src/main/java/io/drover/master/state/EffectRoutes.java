package io.drover.master.state;

import io.drover.master.state.machine.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where each kind of {@link Effect} goes: exactly one route per kind. The kinds are read from the sealed
 * interface itself, so an effect added to the state machine without a route stops the master's start-up
 * (and every test that starts one) instead of being dropped in silence.
 */
final class EffectRoutes {

    private final Map<Class<?>, Consumer<Effect>> routes = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T extends Effect> void route(Class<T> kind, Consumer<T> route) {
        if (routes.putIfAbsent(kind, effect -> route.accept((T) effect)) != null) {
            throw new IllegalStateException("effect " + kind.getSimpleName() + " already has a route");
        }
    }

    void dispatch(Effect effect) {
        Consumer<Effect> route = routes.get(effect.getClass());
        if (route == null) {
            throw new IllegalStateException("effect " + effect.getClass().getSimpleName() + " has no route");
        }
        route.accept(effect);
    }

    /** @throws IllegalStateException naming every kind of effect that has no route */
    void checkComplete() {
        List<String> missing = new ArrayList<>();
        for (Class<?> kind : kinds()) {
            if (!routes.containsKey(kind)) {
                missing.add(kind.getSimpleName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("effects without a route: " + missing);
        }
    }

    /** Every concrete kind of effect, nested sealed interfaces flattened. */
    static List<Class<?>> kinds() {
        List<Class<?>> kinds = new ArrayList<>();
        collect(Effect.class, kinds);
        return kinds;
    }

    private static void collect(Class<?> type, List<Class<?>> into) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, into);
            }
        } else {
            into.add(type);
        }
    }
}
