package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * status_request in a ClientHello (RFC 6066 §8): the client asks for an OCSP response
 * ("OCSP stapling").
 * <pre>
 * struct {
 *     CertificateStatusType status_type;  // ocsp(1)
 *     select (status_type) { case ocsp: OCSPStatusRequest; } request;
 * } CertificateStatusRequest;
 * opaque ResponderID&lt;1..2^16-1&gt;;
 * opaque Extensions&lt;0..2^16-1&gt;;
 * struct { ResponderID responder_id_list&lt;0..2^16-1&gt;; Extensions request_extensions; } OCSPStatusRequest;
 * </pre>
 * Only ocsp(1) has a layout; a request of another status_type cannot be parsed (RFC 6066
 * gives it no length), so {@link #decode} keeps it as an {@link UnknownExtension}, which a
 * server ignores like any request it does not understand.
 *
 * @param responderIds the DER-encoded OCSP ResponderIDs the client trusts, often none
 * @param requestExtensions the DER-encoded OCSP request extensions, often empty
 */
public record StatusRequest(List<byte[]> responderIds, byte[] requestExtensions) implements Extension {
    /** CertificateStatusType ocsp (RFC 6066 §8). */
    public static final int OCSP = 1;

    /** Checks the bounds and copies the bytes. */
    public StatusRequest {
        responderIds = ByteArrays.copy(responderIds);
        requestExtensions = requestExtensions.clone();
        for (byte[] id : responderIds) {
            if (id.length < 1 || id.length > 0xffff) {
                throw new IllegalArgumentException("ResponderID of " + id.length + " bytes");
            }
        }
        if (requestExtensions.length > 0xffff) {
            throw new IllegalArgumentException("request_extensions of " + requestExtensions.length + " bytes");
        }
    }

    /** The plain OCSP request: no responder ids, no extensions. */
    public static StatusRequest ocsp() {
        return new StatusRequest(List.of(), new byte[0]);
    }

    @Override
    public List<byte[]> responderIds() {
        return ByteArrays.copy(responderIds);
    }

    @Override
    public byte[] requestExtensions() {
        return requestExtensions.clone();
    }

    /** A StatusRequest, or an UnknownExtension for a status_type other than ocsp. */
    static Extension decode(TlsReader in) throws TlsAlertException {
        int statusType = in.readUint8();
        if (statusType != OCSP) {
            return rawWithType(ExtensionType.STATUS_REQUEST, statusType, in);
        }
        TlsReader idList = in.readVector16(0, 0xffff);
        List<byte[]> ids = new ArrayList<>();
        while (idList.hasRemaining()) {
            ids.add(idList.readOpaque16(1, 0xffff));
        }
        return new StatusRequest(ids, in.readOpaque16(0, 0xffff));
    }

    /** The extension_data of an unparseable status type, its first byte put back. */
    static UnknownExtension rawWithType(ExtensionType type, int statusType, TlsReader in) throws TlsAlertException {
        byte[] rest = in.readBytes(in.remaining());
        byte[] data = new byte[1 + rest.length];
        data[0] = (byte) statusType;
        System.arraycopy(rest, 0, data, 1, rest.length);
        return new UnknownExtension(type, data);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.STATUS_REQUEST;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeUint8(OCSP);
        out.writeVector16(list -> responderIds.forEach(list::writeOpaque16));
        out.writeOpaque16(requestExtensions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusRequest other && ByteArrays.equal(responderIds, other.responderIds)
                && Arrays.equals(requestExtensions, other.requestExtensions);
    }

    @Override
    public int hashCode() {
        return 31 * ByteArrays.hash(responderIds) + Arrays.hashCode(requestExtensions);
    }

    @Override
    public String toString() {
        return type().name() + "[ocsp, " + responderIds.size() + " responder ids, "
                + requestExtensions.length + " bytes of extensions]";
    }
}
