package dev.tlsref.handshake.tls13;

import java.nio.charset.StandardCharsets;

/**
 * The content a TLS 1.3 CertificateVerify signs (RFC 8446 §4.4.3): 64 bytes of 0x20, a
 * context string saying which side signs, a zero byte, and the transcript hash. The context
 * string stops a server's signature from being replayed as a client's and vice versa.
 */
public final class CertificateVerifyContent {
    private static final byte[] SERVER_CONTEXT = "TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLIENT_CONTEXT = "TLS 1.3, client CertificateVerify".getBytes(StandardCharsets.US_ASCII);
    private static final int PAD_LENGTH = 64;

    private CertificateVerifyContent() {}

    /** What a server signs over {@code transcriptHash} (ClientHello through Certificate). */
    public static byte[] server(byte[] transcriptHash) {
        return build(SERVER_CONTEXT, transcriptHash);
    }

    /** What a client signs over {@code transcriptHash} (ClientHello through its Certificate). */
    public static byte[] client(byte[] transcriptHash) {
        return build(CLIENT_CONTEXT, transcriptHash);
    }

    private static byte[] build(byte[] context, byte[] transcriptHash) {
        byte[] content = new byte[PAD_LENGTH + context.length + 1 + transcriptHash.length];
        java.util.Arrays.fill(content, 0, PAD_LENGTH, (byte) 0x20);
        System.arraycopy(context, 0, content, PAD_LENGTH, context.length);
        content[PAD_LENGTH + context.length] = 0;
        System.arraycopy(transcriptHash, 0, content, PAD_LENGTH + context.length + 1, transcriptHash.length);
        return content;
    }
}
