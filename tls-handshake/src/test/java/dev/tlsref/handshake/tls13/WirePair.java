package dev.tlsref.handshake.tls13;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsConnection;
import dev.tlsref.handshake.TlsPeerAlertException;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * A tlsref client and server {@link TlsConnection} joined in memory, with a tap on each
 * direction that may change the bytes in flight. {@link #run} moves bytes until the
 * handshake settles or one side fails; {@link Failure#alertOnTheWire} then reads the alert
 * record the failed side sent: decoded in the clear if it is a plaintext alert record, and in
 * every case handed to the other side, which must read the same alert (it holds the keys to
 * decrypt a protected one).
 */
final class WirePair {
    static final int CONTENT_ALERT = 21;
    static final int CONTENT_APPLICATION_DATA = 23;

    final TlsConnection client;
    final TlsConnection server;

    WirePair(TlsConfig clientConfig, String serverName, TlsConfig serverConfig) {
        client = TlsConnection.client(clientConfig, serverName);
        server = TlsConnection.server(serverConfig);
    }

    /** One side failed: its exception and the bytes it sent after failing. */
    record Failure(TlsConnection failed, TlsConnection peer, TlsAlertException exception, byte[] sent) {
        /** True if the failure is the client's. */
        boolean byClient() {
            return failed.isClient();
        }

        /** The last record of {@link #sent}: content type, then the fragment. */
        int lastRecordType() {
            return sent[lastRecordStart()] & 0xff;
        }

        private int lastRecordStart() {
            int at = 0;
            int last = -1;
            while (at + 5 <= sent.length) {
                last = at;
                at += 5 + (((sent[at + 3] & 0xff) << 8) | (sent[at + 4] & 0xff));
            }
            if (last < 0 || at != sent.length) {
                throw new AssertionError("the failed side sent no whole records: " + Arrays.toString(sent));
            }
            return last;
        }

        /**
         * The fatal alert the failed side sent, read off the wire: a plaintext alert record
         * is decoded as it is (level 2, description); an encrypted record is given to the
         * peer, which must report it as a {@link TlsPeerAlertException}.
         */
        AlertDescription alertOnTheWire() {
            int start = lastRecordStart();
            int type = sent[start] & 0xff;
            if (type == CONTENT_ALERT) {
                int length = ((sent[start + 3] & 0xff) << 8) | (sent[start + 4] & 0xff);
                if (length != 2 || sent[start + 5] != 2) {
                    throw new AssertionError("not a fatal alert record");
                }
                AlertDescription alert = new AlertDescription(sent[start + 6] & 0xff);
                AlertDescription peerRead = peerReads(alert);
                if (!peerRead.equals(alert)) {
                    throw new AssertionError("the peer read " + peerRead + " from the plaintext alert " + alert);
                }
                return alert;
            }
            if (type != CONTENT_APPLICATION_DATA) {
                throw new AssertionError("last record sent is neither an alert nor protected: type " + type);
            }
            return peerReads(null);
        }

        /** Hands {@link #sent} to the peer: the alert it reports having received. */
        private AlertDescription peerReads(AlertDescription expected) {
            try {
                byte[] copy = sent.clone();
                peer.receive(copy, 0, copy.length);
            } catch (TlsPeerAlertException e) {
                return e.alert();
            } catch (TlsAlertException e) {
                throw new AssertionError("the peer could not read the alert record"
                        + (expected != null ? " (" + expected + ")" : "") + ": " + e, e);
            }
            throw new AssertionError("the peer read no alert from the record");
        }
    }

    /** Runs with both taps the identity. */
    Failure run() {
        return run(UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * Starts both sides and moves bytes, each flight through its tap, until neither has
     * anything to send (null: no failure) or one fails.
     */
    Failure run(UnaryOperator<byte[]> toServer, UnaryOperator<byte[]> toClient) {
        try {
            server.start();
            client.start();
        } catch (TlsAlertException e) {
            throw new AssertionError("start failed: " + e, e);
        }
        for (int round = 0; round < 30; round++) {
            byte[] fromClient = client.takeOutput();
            byte[] fromServer = server.takeOutput();
            if (fromClient.length == 0 && fromServer.length == 0) {
                return null;
            }
            if (fromClient.length > 0) {
                Failure f = deliver(server, client, toServer.apply(fromClient));
                if (f != null) {
                    return f;
                }
            }
            if (fromServer.length > 0) {
                Failure f = deliver(client, server, toClient.apply(fromServer));
                if (f != null) {
                    return f;
                }
            }
        }
        throw new AssertionError("connections did not settle in 30 rounds");
    }

    private static Failure deliver(TlsConnection to, TlsConnection from, byte[] bytes) {
        try {
            to.receive(bytes, 0, bytes.length);
            return null;
        } catch (TlsPeerAlertException e) {
            throw new AssertionError("the tapped side sent an alert first: " + e, e);
        } catch (TlsAlertException e) {
            return new Failure(to, from, e, to.takeOutput());
        }
    }
}
