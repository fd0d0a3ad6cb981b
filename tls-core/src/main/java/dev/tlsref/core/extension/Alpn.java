package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * application_layer_protocol_negotiation (RFC 7301 §3.1): in a ClientHello, the protocols
 * the client offers, most preferred first; in a TLS 1.2 ServerHello or TLS 1.3
 * EncryptedExtensions, the one the server selected.
 * <pre>
 * opaque ProtocolName&lt;1..2^8-1&gt;;
 * struct { ProtocolName protocol_name_list&lt;2..2^16-1&gt; } ProtocolNameList;
 * </pre>
 * Protocol names are opaque bytes (GREASE values included); each is held as a String with one
 * char per byte (ISO 8859-1), which round-trips every byte exactly and reads naturally for the
 * registered ASCII names such as {@code h2} and {@code http/1.1}. The server form has the
 * same grammar; that it holds exactly one name offered by the client (RFC 7301 §3.1) is for
 * the handshake layer to check.
 *
 * @param protocols the protocol names in wire order
 */
public record Alpn(List<String> protocols) implements Extension {

    /** Checks the list is not empty and each name is 1..255 bytes, and copies it. */
    public Alpn {
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("ALPN list must not be empty");
        }
        for (String protocol : protocols) {
            if (protocol.isEmpty() || protocol.length() > 0xff
                    || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(protocol)) {
                throw new IllegalArgumentException("invalid ALPN protocol name: " + protocol);
            }
        }
    }

    /** The extension with these protocol names, in this order. */
    public static Alpn of(String... protocols) {
        return new Alpn(List.of(protocols));
    }

    static Alpn decode(TlsReader in) throws TlsAlertException {
        TlsReader list = in.readVector16(2, 0xffff);
        List<String> protocols = new ArrayList<>();
        while (list.hasRemaining()) {
            protocols.add(new String(list.readOpaque8(1, 0xff), StandardCharsets.ISO_8859_1));
        }
        return new Alpn(protocols);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeVector16(list -> {
            for (String protocol : protocols) {
                list.writeOpaque8(protocol.getBytes(StandardCharsets.ISO_8859_1));
            }
        });
    }

    @Override
    public String toString() {
        return type().name() + protocols;
    }
}
