package dev.tlsref.core.extension;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered extension block, {@code Extension extensions<0..2^16-1>} (RFC 8446 §4.2), with
 * no type twice. Order is kept because it is on the wire (and pre_shared_key must come last
 * in a ClientHello, §4.2.11).
 */
public final class Extensions implements Iterable<Extension> {
    /** No extensions. */
    public static final Extensions EMPTY = new Extensions(List.of());

    private final List<Extension> list;

    private Extensions(List<Extension> list) {
        this.list = list;
    }

    /**
     * An extension block of these extensions, in this order.
     *
     * @throws IllegalArgumentException if a type appears twice
     */
    public static Extensions of(List<? extends Extension> extensions) {
        Set<ExtensionType> seen = new HashSet<>();
        for (Extension e : extensions) {
            if (!seen.add(e.type())) {
                throw new IllegalArgumentException("extension " + e.type().name() + " appears twice");
            }
        }
        return new Extensions(List.copyOf(extensions));
    }

    /** An extension block of these extensions, in this order. */
    public static Extensions of(Extension... extensions) {
        return of(List.of(extensions));
    }

    /**
     * Reads {@code extensions<0..2^16-1>} for a message of the given kind.
     *
     * @throws TlsAlertException decode_error for a malformed block or extension,
     *     illegal_parameter for a type that appears twice (RFC 8446 §4.2)
     */
    public static Extensions decode(TlsReader in, ExtensionContext context) throws TlsAlertException {
        TlsReader block = in.readVector16(0, 0xffff);
        List<Extension> extensions = new ArrayList<>();
        Set<ExtensionType> seen = new HashSet<>();
        while (block.hasRemaining()) {
            ExtensionType type = new ExtensionType(block.readUint16());
            byte[] data = block.readOpaque16(0, 0xffff);
            if (!seen.add(type)) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "extension " + type.name() + " appears twice in " + context.name().toLowerCase());
            }
            extensions.add(ExtensionCodec.decode(type, data, context));
        }
        return new Extensions(List.copyOf(extensions));
    }

    /** Writes the block, with its two-byte length. */
    public void encode(TlsWriter out) {
        out.writeVector16(block -> {
            for (Extension e : list) {
                block.writeUint16(e.type().code());
                block.writeVector16(e::encodeData);
            }
        });
    }

    /** The extension of this type, if present. */
    public Optional<Extension> find(ExtensionType type) {
        for (Extension e : list) {
            if (e.type().equals(type)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The extension of this class, if present (e.g. {@code find(KeyShareClientHello.class)}). */
    public <T extends Extension> Optional<T> find(Class<T> kind) {
        for (Extension e : list) {
            if (kind.isInstance(e)) {
                return Optional.of(kind.cast(e));
            }
        }
        return Optional.empty();
    }

    /** True if an extension of this type is present. */
    public boolean contains(ExtensionType type) {
        return find(type).isPresent();
    }

    /** The extensions in wire order. */
    public List<Extension> asList() {
        return list;
    }

    /** How many extensions there are. */
    public int size() {
        return list.size();
    }

    /** True if there are none. */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    @Override
    public Iterator<Extension> iterator() {
        return list.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extensions other && list.equals(other.list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
