package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * pre_shared_key in a ClientHello (RFC 8446 §4.2.11): the PSKs the client offers and one
 * binder per PSK.
 * <pre>
 * opaque PskBinderEntry&lt;32..255&gt;;
 * struct {
 *     PskIdentity identities&lt;7..2^16-1&gt;;
 *     PskBinderEntry binders&lt;33..2^16-1&gt;;
 * } OfferedPsks;
 * </pre>
 * The codec checks the grammar only. That there are as many binders as identities, that each
 * binder has its PSK hash's length, and that this extension comes last in the ClientHello
 * (RFC 8446 §4.2.11) are checked by the handshake layer, which verifies the binders anyway.
 *
 * <p>The binders are the last bytes of the ClientHello, so the partial ClientHello that
 * they sign (RFC 8446 §4.2.11.2) is the encoded message minus {@link #bindersLength()} bytes.
 * A client builds the extension with placeholder binders of the right sizes, encodes the
 * ClientHello, hashes the truncated bytes, and replaces them with {@link #withBinders}.
 *
 * @param identities the offered PSKs in wire order
 * @param binders the binders, in the same order as the identities
 */
public record PreSharedKeyClientHello(List<PskIdentity> identities, List<byte[]> binders) implements Extension {

    /** Checks the vector bounds and copies both lists. */
    public PreSharedKeyClientHello {
        identities = List.copyOf(identities);
        binders = ByteArrays.copy(binders);
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("pre_shared_key needs at least one identity");
        }
        if (binders.isEmpty()) {
            throw new IllegalArgumentException("pre_shared_key needs at least one binder");
        }
        for (byte[] binder : binders) {
            if (binder.length < 32 || binder.length > 0xff) {
                throw new IllegalArgumentException("psk binder of " + binder.length + " bytes; must be 32..255");
            }
        }
    }

    @Override
    public List<byte[]> binders() {
        return ByteArrays.copy(binders);
    }

    /** The same identities with other binders (e.g. the real ones in place of placeholders). */
    public PreSharedKeyClientHello withBinders(List<byte[]> newBinders) {
        return new PreSharedKeyClientHello(identities, newBinders);
    }

    /**
     * How many bytes the {@code binders} field takes on the wire, its two-byte length
     * included: what RFC 8446 §4.2.11.2 cuts from the end of the ClientHello.
     */
    public int bindersLength() {
        int length = 2;
        for (byte[] binder : binders) {
            length += 1 + binder.length;
        }
        return length;
    }

    static PreSharedKeyClientHello decode(TlsReader in) throws TlsAlertException {
        TlsReader identityList = in.readVector16(7, 0xffff);
        List<PskIdentity> identities = new ArrayList<>();
        while (identityList.hasRemaining()) {
            identities.add(PskIdentity.decode(identityList));
        }
        TlsReader binderList = in.readVector16(33, 0xffff);
        List<byte[]> binders = new ArrayList<>();
        while (binderList.hasRemaining()) {
            binders.add(binderList.readOpaque8(32, 0xff));
        }
        return new PreSharedKeyClientHello(identities, binders);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PRE_SHARED_KEY;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeVector16(list -> identities.forEach(identity -> identity.encode(list)));
        out.writeVector16(list -> binders.forEach(list::writeOpaque8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreSharedKeyClientHello other && identities.equals(other.identities)
                && ByteArrays.equal(binders, other.binders);
    }

    @Override
    public int hashCode() {
        return 31 * identities.hashCode() + ByteArrays.hash(binders);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type().name()).append(identities).append(" binders[");
        for (int i = 0; i < binders.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(binders.get(i).length).append(" bytes");
        }
        return sb.append("]").toString();
    }
}
