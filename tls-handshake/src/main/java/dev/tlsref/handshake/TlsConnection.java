package dev.tlsref.handshake;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.Alert;
import dev.tlsref.handshake.engine.Handshake;
import dev.tlsref.handshake.engine.RecordChannel;
import dev.tlsref.handshake.engine.ServerHandshakeSelector;
import dev.tlsref.handshake.tls12.Tls12ClientHandshake;
import dev.tlsref.handshake.tls13.Tls13ClientHandshake;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * One TLS connection, client or server, as a sans-IO engine: it owns no socket and no thread.
 * Feed it the bytes that arrive ({@link #receive}), send the bytes it produces
 * ({@link #takeOutput}), and read and write application data once
 * {@link #isHandshakeComplete()}.
 * <pre>{@code
 * TlsConnection tls = TlsConnection.client(config, "example.com");
 * tls.start();
 * while (!tls.isHandshakeComplete()) {
 *     socketOut.write(tls.takeOutput());
 *     tls.receive(readSome(socketIn));
 * }
 * }</pre>
 * A {@link TlsAlertException} from {@link #receive} means the connection failed: the alert
 * for the peer is already queued in the output (unless the peer's own alert ended it, a
 * {@link TlsPeerAlertException}); send it, then close the transport. Not thread-safe.
 */
public final class TlsConnection {

    private final TlsConfig config;
    private final RecordChannel channel;
    private final Handshake handshake;
    private final boolean client;
    private final ApplicationDataBuffer received = new ApplicationDataBuffer();
    private final RecordChannel.Inbound inbound = new Inbound();
    private boolean started;
    private byte[] earlyData;
    private long earlyDataReceived;
    private boolean inboundClosed;
    private boolean outboundClosed;
    private TlsAlertException failure;

    private TlsConnection(TlsConfig config, String serverName, boolean client) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = client;
        this.channel = new RecordChannel(config.maxHandshakeMessageSize(), config.listener());
        if (!client) {
            this.handshake = new ServerHandshakeSelector(config, channel);
        } else if (!config.versions().contains(ProtocolVersion.TLS1_3)) {
            this.handshake = Tls12ClientHandshake.startFresh(config, serverName, channel);
        } else {
            this.handshake = new Tls13ClientHandshake(config, serverName, channel);
        }
    }

    /**
     * A client connection.
     *
     * @param serverName the name the server's certificate must match and that is sent as SNI:
     *     a DNS name or an IP address literal; {@code null} only with certificate verification off
     */
    public static TlsConnection client(TlsConfig config, String serverName) {
        return new TlsConnection(config, serverName, true);
    }

    /** A server connection. */
    public static TlsConnection server(TlsConfig config) {
        return new TlsConnection(config, null, false);
    }

    /** True for a client connection. */
    public boolean isClient() {
        return client;
    }

    /** Starts the handshake: a client queues its ClientHello. Does nothing the second time. */
    public void start() throws TlsAlertException {
        if (started) {
            return;
        }
        started = true;
        if (earlyData != null) {
            ((Tls13ClientHandshake) handshake).offerEarlyData(earlyData);
            java.util.Arrays.fill(earlyData, (byte) 0);
            earlyData = null;
        }
        try {
            handshake.start();
            channel.flush();
        } catch (TlsAlertException | RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * Client: data to send as TLS 1.3 0-RTT early data (RFC 8446 §2.3) right after the
     * ClientHello, if the config enables {@link TlsConfig#earlyData()} and a cached ticket for
     * the server allows at least this much; call before {@link #start}, as often as needed (the
     * pieces are joined). Early data can be replayed by an attacker (RFC 8446 §8): send only
     * requests that are safe to repeat. Whether the server took it is {@link
     * #earlyDataAccepted()} once the handshake is complete; if not, send it again with
     * {@link #write}.
     *
     * @throws IllegalStateException on a server connection, after start(), or if the config
     *     does not enable early data or TLS 1.3
     */
    public void writeEarlyData(byte[] data) {
        if (!client || started || !config.earlyData() || !(handshake instanceof Tls13ClientHandshake)) {
            throw new IllegalStateException("early data needs a TLS 1.3 client connection, not yet started, whose"
                    + " config enables earlyData");
        }
        byte[] joined = earlyData == null ? data.clone() : java.util.Arrays.copyOf(earlyData, earlyData.length
                + data.length);
        if (earlyData != null) {
            System.arraycopy(data, 0, joined, earlyData.length, data.length);
            java.util.Arrays.fill(earlyData, (byte) 0);
        }
        earlyData = joined;
    }

    /**
     * True if 0-RTT data was accepted: on a client, the server took the data given to
     * {@link #writeEarlyData}; on a server, this connection accepted the client's early data
     * (see {@link #earlyDataReceived()}). Meaningful once the handshake is complete.
     */
    public boolean earlyDataAccepted() {
        return handshake.earlyDataAccepted();
    }

    /**
     * Server: how many of the application data bytes received so far arrived as 0-RTT data
     * (RFC 8446 §2.3), before the handshake completed. They are read with {@link #read} like
     * any other, first; they may be a replay (RFC 8446 §8), which the config's
     * {@link dev.tlsref.handshake.session.EarlyDataReplayGuard} limits to one acceptance per
     * ClientHello within its window.
     */
    public long earlyDataReceived() {
        return earlyDataReceived;
    }

    /** Takes in {@code length} bytes received from the peer (decrypted in place: the array is overwritten). */
    public void receive(byte[] data, int offset, int length) throws TlsAlertException {
        receive(ByteBuffer.wrap(data, offset, length));
    }

    /**
     * Takes in every byte remaining in {@code in}: complete records are processed now, a
     * partial one is kept for the next call. Records are decrypted in place in {@code in}.
     */
    public void receive(ByteBuffer in) throws TlsAlertException {
        start();
        if (failure != null) {
            throw failure;
        }
        try {
            channel.receive(in, inbound);
            channel.flush();
        } catch (TlsAlertException | RuntimeException e) {
            throw failed(e);
        }
    }

    /** True if there are bytes to send to the peer. */
    public boolean hasOutput() {
        return channel.hasOutput();
    }

    /** The bytes to send to the peer, emptied out of the connection. */
    public byte[] takeOutput() {
        return channel.takeOutput();
    }

    /** Moves as many bytes to send as fit into {@code dst}; returns how many. */
    public int takeOutput(ByteBuffer dst) {
        return channel.takeOutput(dst);
    }

    /** True once the handshake has completed; application data may then flow. */
    public boolean isHandshakeComplete() {
        return handshake.isComplete();
    }

    /** What the handshake agreed on, once complete. */
    public Optional<NegotiatedParameters> parameters() {
        return Optional.ofNullable(channel.negotiated());
    }

    /** How many bytes of application data can be read now. */
    public int available() {
        return received.available();
    }

    /** Reads up to {@code length} bytes of application data; 0 if none is buffered. */
    public int read(byte[] buffer, int offset, int length) {
        return received.read(buffer, offset, length);
    }

    /**
     * Sends application data, fragmented into records.
     *
     * @throws IllegalStateException before the handshake completes or after {@link #close}
     */
    public void write(byte[] data, int offset, int length) throws TlsAlertException {
        if (!isHandshakeComplete()) {
            throw new IllegalStateException("application data can be written only after the handshake");
        }
        if (outboundClosed || failure != null) {
            throw new IllegalStateException("the connection is closed");
        }
        try {
            channel.sendApplicationData(data, offset, length);
        } catch (TlsAlertException | RuntimeException e) {
            throw failed(e);
        }
    }

    /** Sends all of {@code data}. */
    public void write(byte[] data) throws TlsAlertException {
        write(data, 0, data.length);
    }

    /** Queues close_notify (RFC 8446 §6.1): nothing more will be written. Idempotent. */
    public void close() {
        if (outboundClosed || failure != null) {
            return;
        }
        outboundClosed = true;
        try {
            channel.sendAlert(Alert.closeNotify());
        } catch (TlsAlertException e) {
            failure = e;
        }
    }

    /** True once the peer sent close_notify: no more application data will arrive. */
    public boolean isInboundClosed() {
        return inboundClosed;
    }

    /** True once {@link #close} queued close_notify. */
    public boolean isOutboundClosed() {
        return outboundClosed;
    }

    /** The failure that ended the connection, if one did. */
    public Optional<TlsAlertException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Sends a TLS 1.3 KeyUpdate, asking the peer to update too if {@code requestPeer} (RFC 8446 §4.6.3). */
    public void updateKeys(boolean requestPeer) throws TlsAlertException {
        try {
            handshake.updateKeys(requestPeer);
            channel.flush();
        } catch (TlsAlertException | RuntimeException e) {
            throw failed(e);
        }
    }

    /** Keying material exported from the session (RFC 8446 §7.5). */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        return handshake.exportKeyingMaterial(label, context, length);
    }


    /**
     * Records the failure of a step and queues the fatal alert for the peer (RFC 8446 §6.2);
     * returns the exception to throw. Any other exception on peer input is a bug in tlsref: it
     * is reported to the peer as internal_error rather than left to escape. (Each public method
     * catches for itself rather than passing a lambda, so that writing and receiving allocate
     * nothing of their own.)
     */
    private TlsAlertException failed(Exception e) {
        if (e instanceof TlsPeerAlertException peerAlert) {
            failure = peerAlert;
            return peerAlert;
        }
        TlsAlertException alert = e instanceof TlsAlertException tlsAlert ? tlsAlert
                : new TlsAlertException(AlertDescription.INTERNAL_ERROR, "internal error in tlsref: " + e, e);
        fail(alert);
        return alert;
    }

    private void fail(TlsAlertException e) {
        failure = e;
        try {
            channel.sendAlert(Alert.fatal(e.alert()));
        } catch (TlsAlertException | RuntimeException ignored) {
            // The alert is a courtesy; the connection has failed either way.
        }
    }

    private final class Inbound implements RecordChannel.Inbound {
        @Override
        public void handshakeMessage(byte[] message) throws TlsAlertException {
            handshake.handleMessage(message);
        }

        @Override
        public void changeCipherSpec() throws TlsAlertException {
            handshake.handleChangeCipherSpec();
        }

        @Override
        public void applicationData(ByteBuffer data) throws TlsAlertException {
            if (!handshake.isComplete()) {
                // RFC 8446 §4.2.10: only accepted 0-RTT data may come before the handshake completes.
                handshake.handleEarlyData(data.remaining());
                earlyDataReceived += data.remaining();
            }
            if (!inboundClosed) {
                received.add(data);
            }
        }

        @Override
        public void closeNotify() {
            inboundClosed = true;
        }
    }
}
