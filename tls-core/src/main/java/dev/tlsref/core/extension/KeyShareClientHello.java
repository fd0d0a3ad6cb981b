package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * key_share in a ClientHello (RFC 8446 §4.2.8): the client's shares, possibly none (the
 * client then asks the server to pick a group with a HelloRetryRequest).
 * <pre>
 * struct { KeyShareEntry client_shares&lt;0..2^16-1&gt;; } KeyShareClientHello;
 * </pre>
 * RFC 8446 §4.2.8 forbids two shares for one group and requires them in supported_groups
 * order; servers MAY check both, with {@code illegal_parameter}. Both rules need
 * supported_groups too, so the handshake layer checks them, not this codec.
 *
 * @param shares the shares in wire order
 */
public record KeyShareClientHello(List<KeyShareEntry> shares) implements Extension {

    /** Copies the list. */
    public KeyShareClientHello {
        shares = List.copyOf(shares);
    }

    /** The extension with these shares, in this order. */
    public static KeyShareClientHello of(KeyShareEntry... shares) {
        return new KeyShareClientHello(List.of(shares));
    }

    /** The first share for {@code group}, if the client sent one. */
    public Optional<KeyShareEntry> find(NamedGroup group) {
        return shares.stream().filter(s -> s.group().equals(group)).findFirst();
    }

    static KeyShareClientHello decode(TlsReader in) throws TlsAlertException {
        TlsReader list = in.readVector16(0, 0xffff);
        List<KeyShareEntry> shares = new ArrayList<>();
        while (list.hasRemaining()) {
            shares.add(KeyShareEntry.decode(list));
        }
        return new KeyShareClientHello(shares);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeVector16(list -> shares.forEach(s -> s.encode(list)));
    }

    @Override
    public String toString() {
        return type().name() + shares;
    }
}
