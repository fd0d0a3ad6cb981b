package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.PskKeyExchangeMode;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * psk_key_exchange_modes in a ClientHello (RFC 8446 §4.2.9): how the client lets a PSK be
 * used.
 * <pre>
 * struct { PskKeyExchangeMode ke_modes&lt;1..255&gt;; } PskKeyExchangeModes;
 * </pre>
 *
 * @param modes the modes in wire order, unknown and GREASE values included
 */
public record PskKeyExchangeModes(List<PskKeyExchangeMode> modes) implements Extension {

    /** Checks the list fits {@code <1..255>} and copies it. */
    public PskKeyExchangeModes {
        modes = List.copyOf(modes);
        if (modes.isEmpty() || modes.size() > 0xff) {
            throw new IllegalArgumentException("psk_key_exchange_modes list of " + modes.size() + " entries");
        }
    }

    /** The extension with these modes, in this order. */
    public static PskKeyExchangeModes of(PskKeyExchangeMode... modes) {
        return new PskKeyExchangeModes(List.of(modes));
    }

    static PskKeyExchangeModes decode(TlsReader in) throws TlsAlertException {
        TlsReader list = in.readVector8(1, 0xff);
        List<PskKeyExchangeMode> modes = new ArrayList<>(list.remaining());
        while (list.hasRemaining()) {
            modes.add(new PskKeyExchangeMode(list.readUint8()));
        }
        return new PskKeyExchangeModes(modes);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PSK_KEY_EXCHANGE_MODES;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeVector8(list -> {
            for (PskKeyExchangeMode mode : modes) {
                list.writeUint8(mode.code());
            }
        });
    }

    @Override
    public String toString() {
        return type().name() + modes;
    }
}
