package dev.tlsref.examples;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.handshake.TlsSocketException;
import java.util.Map;

/**
 * Turns the alert that ended a connection into one line that names it and says what most
 * likely went wrong and how to fix it, e.g. {@code unknown_ca: the server's chain does not
 * lead to a trusted root; pass --cafile FILE or --insecure}.
 *
 * <p>Each alert has two hints: for when we sent it (we rejected something the peer did) and
 * for when the peer sent it (the peer rejected something of ours). {@code {peer}} in a hint
 * becomes "server" or "client".
 */
public final class AlertHints {

    /** Which side we are, so the hint can name the other. */
    public enum Role {
        CLIENT("server"),
        SERVER("client");

        private final String peer;

        Role(String peer) {
            this.peer = peer;
        }

        /** "server" for a client, "client" for a server. */
        public String peer() {
            return peer;
        }
    }

    private record Hint(String weSent, String peerSent) {}

    private static final Map<AlertDescription, Hint> HINTS = Map.ofEntries(
            Map.entry(AlertDescription.CLOSE_NOTIFY, new Hint(
                    "the connection was closed",
                    "the {peer} closed the connection")),
            Map.entry(AlertDescription.UNEXPECTED_MESSAGE, new Hint(
                    "the {peer} sent a message the handshake did not expect at that point; is it a TLS endpoint?",
                    "the {peer} did not expect our message; try --tls 1.2 or --tls 1.3")),
            Map.entry(AlertDescription.BAD_RECORD_MAC, new Hint(
                    "a record from the {peer} failed to decrypt: corrupted in transit or the keys disagree",
                    "the {peer} could not decrypt our record: corrupted in transit or the keys disagree")),
            Map.entry(AlertDescription.RECORD_OVERFLOW, new Hint(
                    "the {peer} sent a record larger than TLS allows",
                    "the {peer} says our record was too large")),
            Map.entry(AlertDescription.HANDSHAKE_FAILURE, new Hint(
                    "no cipher suite, group or signature scheme in common with the {peer}; "
                            + "check --tls, --suites and --groups",
                    "the {peer} found nothing acceptable in our offer; try --tls, --suites or --groups "
                            + "(or --enable-rsa-kx for a very old peer)")),
            Map.entry(AlertDescription.BAD_CERTIFICATE, new Hint(
                    "the {peer}'s certificate is malformed or its signature does not verify",
                    "the {peer} rejected our certificate; check that --cert and --key belong together")),
            Map.entry(AlertDescription.UNSUPPORTED_CERTIFICATE, new Hint(
                    "the {peer}'s certificate has a key type or key usage we cannot use",
                    "the {peer} cannot use our certificate's key type or key usage; try an EC P-256 certificate")),
            Map.entry(AlertDescription.CERTIFICATE_REVOKED, new Hint(
                    "the {peer}'s certificate was revoked by its issuer",
                    "the {peer} says our certificate was revoked; get a new one")),
            Map.entry(AlertDescription.CERTIFICATE_EXPIRED, new Hint(
                    "the {peer}'s certificate is expired or not yet valid; check the clocks or renew it",
                    "the {peer} says our certificate is expired or not yet valid; renew --cert")),
            Map.entry(AlertDescription.CERTIFICATE_UNKNOWN, new Hint(
                    "the {peer}'s certificate was not accepted (name mismatch or wrong key usage?); "
                            + "check HOST or --servername, or pass --insecure for a test peer",
                    "the {peer} did not accept our certificate")),
            Map.entry(AlertDescription.ILLEGAL_PARAMETER, new Hint(
                    "the {peer} sent a value the protocol forbids (a bug or tampering on the way)",
                    "the {peer} rejected a value we sent; try --tls or --groups")),
            Map.entry(AlertDescription.UNKNOWN_CA, new Hint(
                    "the {peer}'s chain does not lead to a trusted root; pass --cafile FILE or --insecure",
                    "the {peer} does not trust the issuer of our certificate; give the {peer} our CA certificate")),
            Map.entry(AlertDescription.ACCESS_DENIED, new Hint(
                    "access was denied to the {peer}",
                    "the {peer} denied access")),
            Map.entry(AlertDescription.DECODE_ERROR, new Hint(
                    "the {peer} sent bytes that do not parse as TLS; is HOST:PORT really a TLS port?",
                    "the {peer} could not parse our message")),
            Map.entry(AlertDescription.DECRYPT_ERROR, new Hint(
                    "a signature or Finished from the {peer} did not verify: wrong key for its certificate, "
                            + "or the handshake was tampered with",
                    "the {peer} could not verify our signature or Finished; check that --cert and --key belong together")),
            Map.entry(AlertDescription.PROTOCOL_VERSION, new Hint(
                    "the {peer} offers no version we accept; try --tls 1.2 or --tls 1.3",
                    "the {peer} does not accept the versions we offered; try --tls 1.2 or --tls 1.3")),
            Map.entry(AlertDescription.INSUFFICIENT_SECURITY, new Hint(
                    "the {peer} offered only parameters too weak to accept",
                    "the {peer} requires stronger parameters than we offered; check --suites and --groups")),
            Map.entry(AlertDescription.INTERNAL_ERROR, new Hint(
                    "an internal error in tlsref; please report it with the --trace output",
                    "the {peer} hit an internal error")),
            Map.entry(AlertDescription.INAPPROPRIATE_FALLBACK, new Hint(
                    "the {peer} retried with a lower version although it supports a higher one",
                    "the {peer} saw a version fallback it did not expect; do not force --tls lower than needed")),
            Map.entry(AlertDescription.USER_CANCELED, new Hint(
                    "the handshake was canceled",
                    "the {peer} canceled the handshake")),
            Map.entry(AlertDescription.NO_RENEGOTIATION, new Hint(
                    "the {peer} asked to renegotiate, which tlsref refuses",
                    "the {peer} refuses renegotiation")),
            Map.entry(AlertDescription.MISSING_EXTENSION, new Hint(
                    "the {peer} left out an extension the protocol requires; try --tls 1.2",
                    "the {peer} needs an extension we did not send; try --tls 1.2")),
            Map.entry(AlertDescription.UNSUPPORTED_EXTENSION, new Hint(
                    "the {peer} answered with an extension we never offered",
                    "the {peer} got an extension it did not ask for")),
            Map.entry(AlertDescription.UNRECOGNIZED_NAME, new Hint(
                    "we have no certificate for the name the {peer} asked for",
                    "the {peer} has no certificate for that name; check HOST or --servername")),
            Map.entry(AlertDescription.BAD_CERTIFICATE_STATUS_RESPONSE, new Hint(
                    "the {peer}'s OCSP response is invalid",
                    "the {peer} rejected our OCSP response")),
            Map.entry(AlertDescription.UNKNOWN_PSK_IDENTITY, new Hint(
                    "the {peer} offered a session we do not know",
                    "the {peer} does not know the session we tried to resume; run without --resume")),
            Map.entry(AlertDescription.CERTIFICATE_REQUIRED, new Hint(
                    "the {peer} sent no certificate but one is required (--verify-client)",
                    "the {peer} requires a client certificate; pass --cert FILE --key FILE")),
            Map.entry(AlertDescription.NO_APPLICATION_PROTOCOL, new Hint(
                    "no ALPN protocol in common with the {peer}; check --alpn",
                    "the {peer} supports none of our ALPN protocols; check --alpn")));

    private AlertHints() {}

    /** The hint for an alert, without the alert name. */
    public static String hint(AlertDescription alert, boolean sentByPeer, Role role) {
        Hint hint = HINTS.get(alert);
        String text = hint == null
                ? (sentByPeer ? "the {peer} ended the connection with an alert tlsref does not know"
                        : "the connection failed")
                : (sentByPeer ? hint.peerSent() : hint.weSent());
        return text.replace("{peer}", role.peer());
    }

    /** The one line to print: the alert's name, who sent it if the peer did, and the hint. */
    public static String describe(AlertDescription alert, boolean sentByPeer, Role role) {
        return alert.name() + (sentByPeer ? " (sent by the " + role.peer() + ")" : "") + ": "
                + hint(alert, sentByPeer, role);
    }

    /** {@link #describe(AlertDescription, boolean, Role)} for a failed {@code TlsSocket}. */
    public static String describe(TlsSocketException failure, Role role) {
        return describe(failure.alert(), failure.sentByPeer(), role);
    }
}
