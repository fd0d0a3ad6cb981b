package dev.tlsref.examples;

import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.NegotiatedParameters;
import java.util.List;

/** Passes every event to several listeners in order (e.g. a key log file and a trace). */
public final class FanOutListener implements HandshakeListener {
    private final List<HandshakeListener> listeners;

    private FanOutListener(List<HandshakeListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** One listener for all of these; {@link HandshakeListener#NONE} for none. */
    public static HandshakeListener of(List<HandshakeListener> listeners) {
        if (listeners.isEmpty()) {
            return HandshakeListener.NONE;
        }
        return listeners.size() == 1 ? listeners.get(0) : new FanOutListener(listeners);
    }

    @Override
    public void messageSent(HandshakeMessage message, byte[] encoded) {
        listeners.forEach(l -> l.messageSent(message, encoded));
    }

    @Override
    public void messageReceived(HandshakeMessage message, byte[] encoded) {
        listeners.forEach(l -> l.messageReceived(message, encoded));
    }

    @Override
    public void secretDerived(String label, byte[] clientRandom, byte[] secret) {
        listeners.forEach(l -> l.secretDerived(label, clientRandom, secret));
    }

    @Override
    public void note(String step) {
        listeners.forEach(l -> l.note(step));
    }

    @Override
    public void handshakeComplete(NegotiatedParameters parameters) {
        listeners.forEach(l -> l.handshakeComplete(parameters));
    }
}
