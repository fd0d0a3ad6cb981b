package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * certificate_authorities (RFC 8446 §4.2.4): the certificate authorities the sender accepts,
 * in a ClientHello or CertificateRequest.
 * <pre>
 * opaque DistinguishedName&lt;1..2^16-1&gt;;
 * struct { DistinguishedName authorities&lt;3..2^16-1&gt;; } CertificateAuthoritiesExtension;
 * </pre>
 * The names are kept as DER bytes; parsing them is for the certificate layer.
 *
 * @param authorities the DER-encoded distinguished names in wire order
 */
public record CertificateAuthorities(List<byte[]> authorities) implements Extension {

    /** Checks there is at least one name, each 1..65535 bytes, and copies them. */
    public CertificateAuthorities {
        authorities = ByteArrays.copy(authorities);
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("certificate_authorities list must not be empty");
        }
        for (byte[] name : authorities) {
            if (name.length < 1 || name.length > 0xffff) {
                throw new IllegalArgumentException("distinguished name of " + name.length + " bytes");
            }
        }
    }

    @Override
    public List<byte[]> authorities() {
        return ByteArrays.copy(authorities);
    }

    static CertificateAuthorities decode(TlsReader in) throws TlsAlertException {
        TlsReader list = in.readVector16(3, 0xffff);
        List<byte[]> names = new ArrayList<>();
        while (list.hasRemaining()) {
            names.add(list.readOpaque16(1, 0xffff));
        }
        return new CertificateAuthorities(names);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.CERTIFICATE_AUTHORITIES;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeVector16(list -> authorities.forEach(list::writeOpaque16));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateAuthorities other && ByteArrays.equal(authorities, other.authorities);
    }

    @Override
    public int hashCode() {
        return ByteArrays.hash(authorities);
    }

    @Override
    public String toString() {
        return type().name() + "(" + authorities.size() + " names)";
    }
}
