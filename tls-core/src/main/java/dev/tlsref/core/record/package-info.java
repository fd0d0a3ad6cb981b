/**
 * The TLS record layer, sans-IO (RFC 8446 §5, RFC 5246 §6.2): {@link
 * dev.tlsref.core.record.RecordReader} takes received bytes and yields deprotected records,
 * {@link dev.tlsref.core.record.RecordWriter} fragments, protects and frames outgoing data,
 * {@link dev.tlsref.core.record.RecordProtection} holds the keys and sequence number of one
 * direction (TLS 1.3 AEAD, or TLS 1.2 AES-GCM/CCM and ChaCha20-Poly1305), and {@link
 * dev.tlsref.core.record.HandshakeAssembler} reassembles handshake messages from record
 * fragments. Nothing here does I/O; on the data path nothing is allocated per record once the
 * caller's buffers are in use (see the buffer contracts of the reader and writer).
 */
package dev.tlsref.core.record;
