package dev.tlsref.examples;

import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.NegotiatedParameters;
import java.util.function.Consumer;

/**
 * Feeds one side's handshake events to a {@link Narrative} and hands each rendered block to
 * an output (a {@code PrintStream::print}, a buffer). A {@code CLIENT} listener turns sent
 * messages into client-to-server blocks and received ones into server-to-client blocks; a
 * {@code SERVER} listener the reverse.
 *
 * <p>With {@code notesOnly} only the notes are told: the demo gives the client's listener the
 * messages and secrets, and the server's only its notes, so every message is told once.
 */
public final class NarrativeListener implements HandshakeListener {
    private final Side side;
    private final Narrative narrative;
    private final Consumer<String> out;
    private final boolean notesOnly;

    /** Tells everything this side sees. */
    public NarrativeListener(Side side, Narrative narrative, Consumer<String> out) {
        this(side, narrative, out, false);
    }

    /** Tells everything this side sees, or only its notes. */
    public NarrativeListener(Side side, Narrative narrative, Consumer<String> out, boolean notesOnly) {
        this.side = side;
        this.narrative = narrative;
        this.out = out;
        this.notesOnly = notesOnly;
    }

    /** The direction of a message this side sends. */
    public Narrative.Direction outbound() {
        return side == Side.CLIENT ? Narrative.Direction.CLIENT_TO_SERVER : Narrative.Direction.SERVER_TO_CLIENT;
    }

    /** The direction of a message this side receives. */
    public Narrative.Direction inbound() {
        return side == Side.CLIENT ? Narrative.Direction.SERVER_TO_CLIENT : Narrative.Direction.CLIENT_TO_SERVER;
    }

    @Override
    public void messageSent(HandshakeMessage message, byte[] encoded) {
        if (!notesOnly) {
            out.accept(narrative.message(outbound(), message, encoded));
        }
    }

    @Override
    public void messageReceived(HandshakeMessage message, byte[] encoded) {
        if (!notesOnly) {
            out.accept(narrative.message(inbound(), message, encoded));
        }
    }

    @Override
    public void secretDerived(String label, byte[] clientRandom, byte[] secret) {
        if (!notesOnly) {
            out.accept(narrative.secret(label, secret));
        }
    }

    @Override
    public void note(String step) {
        out.accept(narrative.note(side == Side.CLIENT ? "client" : "server", step));
    }

    @Override
    public void handshakeComplete(NegotiatedParameters parameters) {
        if (!notesOnly) {
            out.accept(narrative.note(side == Side.CLIENT ? "client" : "server", "handshake complete: "
                    + parameters.summary()));
        }
    }
}
