package charon.campaign;

import java.util.function.Supplier;

/**
 * A value computed on first use and kept: the JSON of a loaded file, made when a display first needs it (a value JSON
 * cannot carry, such as a YAML {@code .nan}, then fails that use, not the loading of the whole campaign).
 */
final class Once<T> implements Supplier<T> {

    private final Supplier<T> source;
    private volatile T value;

    Once(Supplier<T> source) {
        this.source = source;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            v = source.get(); // two threads may both compute it: the same immutable value, either is kept
            value = v;
        }
        return v;
    }
}
