package dev.tlsref.bench.scenario;

import dev.tlsref.core.NamedGroup;

/** The key exchange groups the scenarios use, with their IANA names. */
public enum Group {
    X25519(NamedGroup.X25519, "x25519"),
    X25519MLKEM768(NamedGroup.X25519MLKEM768, "X25519MLKEM768");

    private final NamedGroup tlsref;
    private final String ianaName;

    Group(NamedGroup tlsref, String ianaName) {
        this.tlsref = tlsref;
        this.ianaName = ianaName;
    }

    /** tlsref's code point. */
    public NamedGroup tlsref() {
        return tlsref;
    }

    /** The name JSSE and BCJSSE know the group by. */
    public String ianaName() {
        return ianaName;
    }
}
