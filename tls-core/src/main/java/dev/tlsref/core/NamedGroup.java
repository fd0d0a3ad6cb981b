package dev.tlsref.core;

import dev.tlsref.crypto.KeyExchangeAlgorithm;
import java.util.Map;
import java.util.Optional;

/**
 * A named group for key exchange (RFC 8446 §4.2.7, RFC 7919, draft-ietf-tls-ecdhe-mlkem).
 * Unknown and GREASE codes are kept and never chosen.
 *
 * @param code the two-byte code point
 */
public record NamedGroup(int code) {
    public static final NamedGroup SECP256R1 = new NamedGroup(0x0017);
    public static final NamedGroup SECP384R1 = new NamedGroup(0x0018);
    public static final NamedGroup SECP521R1 = new NamedGroup(0x0019);
    public static final NamedGroup X25519 = new NamedGroup(0x001d);
    public static final NamedGroup X448 = new NamedGroup(0x001e);
    public static final NamedGroup FFDHE2048 = new NamedGroup(0x0100);
    public static final NamedGroup FFDHE3072 = new NamedGroup(0x0101);
    public static final NamedGroup FFDHE4096 = new NamedGroup(0x0102);
    public static final NamedGroup X25519MLKEM768 = new NamedGroup(0x11ec);

    private record Known(String name, KeyExchangeAlgorithm algorithm) {}

    private static final Map<Integer, Known> KNOWN = Map.of(
            0x0017, new Known("secp256r1", KeyExchangeAlgorithm.SECP256R1),
            0x0018, new Known("secp384r1", KeyExchangeAlgorithm.SECP384R1),
            0x0019, new Known("secp521r1", KeyExchangeAlgorithm.SECP521R1),
            0x001d, new Known("x25519", KeyExchangeAlgorithm.X25519),
            0x001e, new Known("x448", KeyExchangeAlgorithm.X448),
            0x0100, new Known("ffdhe2048", KeyExchangeAlgorithm.FFDHE2048),
            0x0101, new Known("ffdhe3072", KeyExchangeAlgorithm.FFDHE3072),
            0x0102, new Known("ffdhe4096", KeyExchangeAlgorithm.FFDHE4096),
            0x11ec, new Known("X25519MLKEM768", KeyExchangeAlgorithm.X25519MLKEM768));

    /** Checks the code fits in two bytes. */
    public NamedGroup {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("named group out of range: " + code);
        }
    }

    /** The group with this IANA name, e.g. {@code x25519} or {@code X25519MLKEM768}. */
    public static Optional<NamedGroup> forName(String name) {
        return KNOWN.entrySet().stream()
                .filter(e -> e.getValue().name().equals(name))
                .map(e -> new NamedGroup(e.getKey()))
                .findFirst();
    }

    /** The key exchange behind this group, if tlsref knows it. */
    public Optional<KeyExchangeAlgorithm> algorithm() {
        return Optional.ofNullable(KNOWN.get(code)).map(Known::algorithm);
    }

    /** True for the finite-field groups of RFC 7919 (code points 0x0100-0x01ff). */
    public boolean isFiniteField() {
        return code >= 0x0100 && code <= 0x01ff;
    }

    /** The IANA name, or {@code unknown(0xNNNN)} / {@code grease(0xNNNN)}. */
    public String name() {
        Known known = KNOWN.get(code);
        if (known != null) {
            return known.name();
        }
        return Grease.isGrease(code) ? String.format("grease(0x%04x)", code) : String.format("unknown(0x%04x)", code);
    }

    @Override
    public String toString() {
        return name();
    }
}
