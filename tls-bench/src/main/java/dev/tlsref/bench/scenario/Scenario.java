package dev.tlsref.bench.scenario;

import dev.tlsref.bench.fixture.CertificateKind;
import java.util.Objects;

/**
 * What one benchmark measures, the same for every implementation: the suite (and so the
 * version), the one key exchange group offered, the server certificate, and whether the
 * client resumes a session primed before measuring.
 *
 * @param suite the only suite offered and accepted
 * @param group the only key share the client sends
 * @param certificate the server's leaf (issued by the fixture's ECDSA P-256 root)
 * @param resumption true to resume: TLS 1.3 PSK with psk_dhe_ke, TLS 1.2 session resumption
 */
public record Scenario(Suite suite, Group group, CertificateKind certificate, boolean resumption) {
    /** Checks the fields. */
    public Scenario {
        Objects.requireNonNull(suite);
        Objects.requireNonNull(group);
        Objects.requireNonNull(certificate);
    }

    /** A full handshake with x25519 and an ECDSA P-256 leaf. */
    public static Scenario full(Suite suite) {
        return new Scenario(suite, Group.X25519, CertificateKind.ECDSA_P256, false);
    }

    /** The same scenario with another certificate. */
    public Scenario with(CertificateKind kind) {
        return new Scenario(suite, group, kind, resumption);
    }

    /** The same scenario with another group. */
    public Scenario with(Group other) {
        return new Scenario(suite, other, certificate, resumption);
    }

    /** The same scenario, resumed or not. */
    public Scenario resumed(boolean resume) {
        return new Scenario(suite, group, certificate, resume);
    }
}
