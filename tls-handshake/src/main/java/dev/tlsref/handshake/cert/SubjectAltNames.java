package dev.tlsref.handshake.cert;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The dNSName and iPAddress entries of a certificate's subjectAltName (RFC 5280 §4.2.1.6),
 * read from the raw extension so that addresses keep their exact bytes (the JDK's
 * {@code getSubjectAlternativeNames} turns them into text, and an IPv4-mapped IPv6 address
 * into an IPv4 one).
 *
 * @param present whether the certificate has the extension at all
 * @param dnsNames dNSName entries, as written (IA5String, ASCII)
 * @param ipAddresses iPAddress entries of 4 or 16 bytes
 */
record SubjectAltNames(boolean present, List<String> dnsNames, List<byte[]> ipAddresses) {
    private static final String OID = "2.5.29.17";
    private static final int DNS_NAME = 0x82;   // [2] IMPLICIT IA5String
    private static final int IP_ADDRESS = 0x87; // [7] IMPLICIT OCTET STRING

    /**
     * Reads the extension. Entries of other types are skipped, as are dNSNames that are not
     * ASCII and addresses of a length other than 4 or 16; they can match nothing.
     *
     * @throws DerReader.MalformedDerException if the extension is not valid DER
     */
    static SubjectAltNames of(X509Certificate certificate) throws DerReader.MalformedDerException {
        byte[] extension = certificate.getExtensionValue(OID);
        if (extension == null) {
            return new SubjectAltNames(false, List.of(), List.of());
        }
        DerReader outer = new DerReader(extension);
        byte[] value = outer.read(DerReader.OCTET_STRING).contents();
        DerReader valueReader = new DerReader(value);
        DerReader names = valueReader.read(DerReader.SEQUENCE).reader();
        if (outer.hasRemaining() || valueReader.hasRemaining()) {
            throw new DerReader.MalformedDerException("trailing bytes after subjectAltName");
        }
        List<String> dnsNames = new ArrayList<>();
        List<byte[]> addresses = new ArrayList<>();
        while (names.hasRemaining()) {
            DerReader.Element name = names.read();
            if (name.tag() == DNS_NAME && isAscii(name.contents())) {
                dnsNames.add(new String(name.contents(), StandardCharsets.US_ASCII));
            } else if (name.tag() == IP_ADDRESS && (name.contents().length == 4 || name.contents().length == 16)) {
                addresses.add(name.contents());
            }
        }
        return new SubjectAltNames(true, List.copyOf(dnsNames), List.copyOf(addresses));
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The entries as {@code DNS:name} and {@code IP:address}, for reasons. */
    List<String> describe() {
        List<String> entries = new ArrayList<>();
        dnsNames.forEach(name -> entries.add("DNS:" + name));
        ipAddresses.forEach(address -> entries.add("IP:" + IpLiteral.format(address)));
        return entries;
    }
}
