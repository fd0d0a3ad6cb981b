package dev.tlsref.handshake.tls13;

import static dev.tlsref.core.AlertDescription.ILLEGAL_PARAMETER;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.crypto.Hash;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.engine.HandshakeChannel;
import dev.tlsref.handshake.session.ClientSession;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The client's 0-RTT data (RFC 8446 §2.3, §4.2.10): whether it fits the resumed ticket,
 * sending it under client_early_traffic_secret right after the ClientHello, and the server's
 * answer in EncryptedExtensions. {@link Tls13ClientHandshake} decides when each step runs and
 * sends EndOfEarlyData (§4.5) if the data was accepted.
 */
final class Tls13ClientEarlyData {
    /** A step of the handshake this class must run at its place, such as the compatibility CCS. */
    interface Step {
        void run() throws TlsAlertException;
    }

    private final TlsConfig config;
    private final HandshakeChannel channel;
    private final HandshakeListener listener;

    private byte[] data;
    private boolean sent;
    private boolean accepted;

    Tls13ClientEarlyData(TlsConfig config, HandshakeChannel channel) {
        this.config = config;
        this.channel = channel;
        this.listener = config.listener();
    }

    /** The data to send as 0-RTT, if it fits (a copy is kept). */
    void offer(byte[] earlyData) {
        data = earlyData.clone();
    }

    /** True once the 0-RTT data went out after the ClientHello. */
    boolean sent() {
        return sent;
    }

    /** True once the server accepted the 0-RTT data (early_data in EncryptedExtensions). */
    boolean accepted() {
        return accepted;
    }

    /** RFC 8446 §4.2.10, §4.6.1: early data needs the switch, data, and a ticket allowing that much. */
    boolean fits(Optional<ClientSession> session) {
        if (!config.earlyData() || data == null || session.isEmpty()) {
            return false;
        }
        long max = session.get().maxEarlyDataSize();
        if (data.length > max) {
            listener.note("0-RTT not attempted: " + data.length + " bytes of early data, the ticket allows "
                    + max);
            return false;
        }
        return true;
    }

    /**
     * RFC 8446 §2.3, §7.1: client_early_traffic_secret from the PSK and the ClientHello, and the
     * 0-RTT data under its keys, with the suite of the ticket's session (§4.2.10).
     *
     * @param session the ticket offered in the ClientHello
     * @param clientHello the encoded ClientHello it was offered in
     * @param clientRandom the ClientHello's random, which names the secret for the listener
     * @param changeCipherSpec sends the compatibility change_cipher_spec (RFC 8446 §D.4)
     */
    void send(ClientSession session, byte[] clientHello, byte[] clientRandom, Step changeCipherSpec)
            throws TlsAlertException {
        CipherSuite earlySuite = session.cipherSuite();
        Tls13KeySchedule earlySchedule = new Tls13KeySchedule(config.crypto(), earlySuite.hash());
        byte[] psk = session.psk();
        byte[] earlySecret = earlySchedule.earlySecret(psk);
        Hash hash = config.crypto().newHash(earlySuite.hash());
        hash.update(clientHello);
        byte[] clientEarlySecret = earlySchedule.clientEarlyTrafficSecret(earlySecret, hash.digest());
        listener.secretDerived("CLIENT_EARLY_TRAFFIC_SECRET", clientRandom, clientEarlySecret.clone());
        // RFC 8446 §D.4: with early data, the compatibility CCS comes right after the ClientHello.
        changeCipherSpec.run();
        channel.setWriteProtection(Tls13ClientHandshake.protection(config.crypto(), earlySchedule, earlySuite,
                clientEarlySecret));
        channel.sendEarlyData(data);
        listener.note("sent " + data.length + " bytes of 0-RTT data");
        sent = true;
        for (byte[] s : List.of(psk, earlySecret, clientEarlySecret, data)) {
            Arrays.fill(s, (byte) 0);
        }
    }

    /**
     * RFC 8446 §4.2.10: early_data in EncryptedExtensions accepts our 0-RTT data (it can only
     * be there if we offered it: checked as for every extension). The server must have taken the
     * first PSK with the suite of its session.
     *
     * @param answered whether EncryptedExtensions has early_data
     * @param resumed the session the server resumed, if any
     * @param suite the suite the server selected
     */
    void processAnswer(boolean answered, Optional<ClientSession> resumed, CipherSuite suite)
            throws TlsAlertException {
        if (answered) {
            ClientSession session = resumed.orElseThrow(() -> new TlsAlertException(ILLEGAL_PARAMETER,
                    "server accepted 0-RTT data but not the PSK it is sent with (RFC 8446 §4.2.10)"));
            if (!session.cipherSuite().equals(suite)) {
                throw new TlsAlertException(ILLEGAL_PARAMETER, "server accepted 0-RTT data but selected "
                        + suite.name() + ", not the session's " + session.cipherSuite().name() + " (RFC 8446 §4.2.10)");
            }
            accepted = true;
            listener.note("server accepted the 0-RTT data");
        } else if (sent) {
            listener.note("server rejected the 0-RTT data");
        }
    }
}
