package dev.tlsref.handshake.tls13;

import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.engine.Handshake;
import dev.tlsref.handshake.engine.HandshakeChannel;

/** PLACEHOLDER on the integration branch only, so TlsConnection compiles: replaced by the TLS 1.3 client work. */
public final class Tls13ClientHandshake implements Handshake {
    public Tls13ClientHandshake(TlsConfig config, String serverName, HandshakeChannel channel) {}

    @Override
    public void start() throws TlsAlertException {
        throw new IllegalStateException("placeholder");
    }

    @Override
    public void handleMessage(byte[] message) throws TlsAlertException {
        throw new IllegalStateException("placeholder");
    }

    @Override
    public boolean isComplete() {
        return false;
    }

    @Override
    public void updateKeys(boolean requestPeer) throws TlsAlertException {
        throw new IllegalStateException("placeholder");
    }

    @Override
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        throw new IllegalStateException("placeholder");
    }
}
