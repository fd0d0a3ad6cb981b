package dev.tlsref.handshake.cert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The identity a client expects the server to prove (RFC 9525 §6.2, RFC 6125 §6.2): a DNS
 * host name or an IP address. Build one with {@link #parse}.
 */
public sealed interface ReferenceIdentity permits ReferenceIdentity.DnsName, ReferenceIdentity.IpAddress {

    /**
     * Reads what a user typed as the host: an IPv4 literal, an IPv6 literal (bracketed or not,
     * no zone), or a DNS name in ASCII (A-labels for internationalised names: convert first with
     * {@code java.net.IDN.toASCII}).
     *
     * @throws IllegalArgumentException if it is none of these
     */
    static ReferenceIdentity parse(String host) {
        String text = host;
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
            return IpLiteral.parseIpv6(text).map(IpAddress::new)
                    .orElseThrow(() -> new IllegalArgumentException("not an IPv6 literal: " + host));
        }
        if (text.indexOf(':') >= 0) {
            return IpLiteral.parseIpv6(text).map(IpAddress::new)
                    .orElseThrow(() -> new IllegalArgumentException("not an IPv6 literal: " + host));
        }
        Optional<byte[]> ipv4 = IpLiteral.parseIpv4(text);
        if (ipv4.isPresent()) {
            return new IpAddress(ipv4.get());
        }
        if (!text.isEmpty() && text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
            throw new IllegalArgumentException("neither an IPv4 literal nor a host name: " + host);
        }
        return new DnsName(text);
    }

    /**
     * A DNS host name, in lower case and without a trailing dot (RFC 6125 §6.4.1: names compare
     * case-insensitively; a fully qualified "example.com." is the same name).
     *
     * @param name the name; normalised by the constructor
     */
    record DnsName(String name) implements ReferenceIdentity {
        private static final int MAX_NAME_LENGTH = 253;
        private static final int MAX_LABEL_LENGTH = 63;

        /** Normalises the name and checks that it is an ASCII host name. */
        public DnsName {
            String normalised = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            normalised = normalised.toLowerCase(Locale.ROOT);
            if (normalised.isEmpty() || normalised.length() > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("not a host name: '" + name + "'");
            }
            for (String label : normalised.split("\\.", -1)) {
                if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
                    throw new IllegalArgumentException("host name '" + name + "' has an empty or over-long label");
                }
                // Letters, digits and hyphens (RFC 1123 §2.1), plus the underscore some hosts use.
                if (!label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                    throw new IllegalArgumentException("host name '" + name
                            + "' has a character other than a letter, digit, '-' or '_'"
                            + " (internationalised names must be given as A-labels)");
                }
            }
            name = normalised;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * An IPv4 (4 bytes) or IPv6 (16 bytes) address.
     *
     * @param address the address bytes (copied)
     */
    record IpAddress(byte[] address) implements ReferenceIdentity {
        /** Copies and checks the address length. */
        public IpAddress {
            if (address.length != 4 && address.length != 16) {
                throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
            }
            address = address.clone();
        }

        /** A copy of the address bytes. */
        @Override
        public byte[] address() {
            return address.clone();
        }

        /** Whether {@code other} holds exactly these bytes. */
        boolean matches(byte[] other) {
            return Arrays.equals(address, other);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IpAddress && Arrays.equals(address, ((IpAddress) other).address);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(address);
        }

        @Override
        public String toString() {
            return IpLiteral.format(address);
        }
    }
}
