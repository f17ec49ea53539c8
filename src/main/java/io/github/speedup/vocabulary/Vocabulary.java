package io.github.speedup.vocabulary;

import java.util.Optional;
import java.util.StringJoiner;

/**
 * An enum whose constants users and reports name by an id ({@code seed-demo}, {@code not-compared}):
 * modes, kinds, formats, check kinds, metrics, statuses, patterns. Looking a constant up and listing
 * the allowed ids is written once, here.
 */
public interface Vocabulary {

    /** The name used in the POM and in the reports. */
    String id();

    /**
     * The constant of {@code values} with this id. A loop, not a stream: worker JVMs look kinds up
     * on their way to their first task, where every lambda's first use costs milliseconds.
     */
    static <E extends Vocabulary> Optional<E> find(E[] values, String id) {
        for (E value : values) {
            if (value.id().equals(id)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The ids of {@code values}, for an error message: {@code sequential, threads, virtual, processes}. */
    static String allowedIds(Vocabulary[] values) {
        StringJoiner ids = new StringJoiner(", ");
        for (Vocabulary value : values) {
            ids.add(value.id());
        }
        return ids.toString();
    }
}
