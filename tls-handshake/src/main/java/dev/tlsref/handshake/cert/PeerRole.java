package dev.tlsref.handshake.cert;

/** Whose certificate is being checked, and the extendedKeyUsage purpose (RFC 5280 §4.2.1.12) that implies. */
enum PeerRole {
    SERVER("server", "1.3.6.1.5.5.7.3.1", "serverAuth"),
    CLIENT("client", "1.3.6.1.5.5.7.3.2", "clientAuth");

    private final String label;
    private final String purposeOid;
    private final String purposeName;

    PeerRole(String label, String purposeOid, String purposeName) {
        this.label = label;
        this.purposeOid = purposeOid;
        this.purposeName = purposeName;
    }

    /** "server" or "client", for reasons. */
    String label() {
        return label;
    }

    /** id-kp-serverAuth or id-kp-clientAuth. */
    String purposeOid() {
        return purposeOid;
    }

    /** serverAuth or clientAuth. */
    String purposeName() {
        return purposeName;
    }
}
