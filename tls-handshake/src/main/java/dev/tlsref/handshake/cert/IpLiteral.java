package dev.tlsref.handshake.cert;

import java.util.Optional;

/**
 * IP address literals: IPv4 dotted-decimal (RFC 3986 §3.2.2 {@code IPv4address}, no leading
 * zeros, so never the octal of {@code inet_aton}) and IPv6 text (RFC 4291 §2.2, compression
 * and an embedded IPv4 tail allowed, no zone). Parsed here rather than by
 * {@code InetAddress}, which would send a non-literal to DNS and turns IPv4-mapped IPv6
 * addresses into IPv4 ones.
 */
final class IpLiteral {
    private IpLiteral() {}

    /** The four bytes of an IPv4 literal such as {@code 192.0.2.1}. */
    static Optional<byte[]> parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            address[i] = (byte) value;
        }
        return Optional.of(address);
    }

    /** The sixteen bytes of an IPv6 literal such as {@code 2001:db8::1} or {@code ::ffff:192.0.2.1}. */
    static Optional<byte[]> parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        byte[] headBytes = groups(head, gap < 0);
        byte[] tailBytes = groups(tail, true);
        if (headBytes == null || tailBytes == null) {
            return Optional.empty();
        }
        int used = headBytes.length + tailBytes.length;
        if (gap < 0 ? used != 16 : used > 14) {
            return Optional.empty();
        }
        byte[] address = new byte[16];
        System.arraycopy(headBytes, 0, address, 0, headBytes.length);
        System.arraycopy(tailBytes, 0, address, 16 - tailBytes.length, tailBytes.length);
        return Optional.of(address);
    }

    // Colon-separated 16-bit groups, the last of which may be an IPv4 address; null if malformed.
    private static byte[] groups(String text, boolean ipv4TailAllowed) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        String[] parts = text.split(":", -1);
        byte[] bytes = new byte[parts.length * 2 + 2];
        int length = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && ipv4TailAllowed && part.indexOf('.') >= 0) {
                Optional<byte[]> ipv4 = parseIpv4(part);
                if (ipv4.isEmpty()) {
                    return null;
                }
                System.arraycopy(ipv4.get(), 0, bytes, length, 4);
                length += 4;
                continue;
            }
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(IpLiteral::isHexDigit)) {
                return null;
            }
            int value = Integer.parseInt(part, 16);
            bytes[length++] = (byte) (value >> 8);
            bytes[length++] = (byte) value;
        }
        byte[] result = new byte[length];
        System.arraycopy(bytes, 0, result, 0, length);
        return result;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Text for an address: dotted-decimal, RFC 5952 IPv6, or hex bytes for other lengths. */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        if (address.length != 16) {
            StringBuilder hex = new StringBuilder("0x");
            for (byte b : address) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return hex.toString();
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        // RFC 5952 §4.2: compress the longest run of two or more zero groups, the first if tied.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int run = 0;
            while (i + run < 8 && groups[i + run] == 0) {
                run++;
            }
            if (run > bestLength) {
                bestStart = i;
                bestLength = run;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
