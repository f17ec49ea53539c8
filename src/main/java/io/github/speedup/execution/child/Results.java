package io.github.speedup.execution.child;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A task's result as the bytes a worker JVM sends back: a byte array as it is, any other
 * {@link Serializable} value in Java serialisation (what a pool of JVMs would have to do to
 * return it), nothing for no result; {@code null} for a value that cannot be serialised, which
 * stays in the worker.
 */
public final class Results {

    static final byte[] NOTHING = new byte[0];

    private Results() {
    }

    public static byte[] bytes(Object result) throws IOException {
        if (result == null) {
            return NOTHING;
        }
        if (result instanceof byte[] bytes) {
            return bytes;
        }
        if (!(result instanceof Serializable)) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(result);
        } catch (NotSerializableException e) {
            return null; // Serializable, but holding something that is not
        }
        return out.toByteArray();
    }
}
