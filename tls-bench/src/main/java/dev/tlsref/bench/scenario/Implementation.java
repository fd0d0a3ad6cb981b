package dev.tlsref.bench.scenario;

import java.util.Locale;

/** The TLS implementations measured side by side. */
public enum Implementation {
    /** tlsref, with tls-crypto's preferred provider. */
    TLSREF,
    /** The JDK's SunJSSE, over the JDK's own JCA providers. */
    JSSE,
    /** BouncyCastle's BCJSSE, over the BouncyCastle JCA provider (not installed globally). */
    BCJSSE;

    /** The implementation named by a benchmark's {@code @Param} value ({@code tlsref}, {@code jsse}, {@code bcjsse}). */
    public static Implementation byName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
