package dev.tlsref.core.extension;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * server_name in a ClientHello (RFC 6066 §3): the {@code ServerNameList} of names the client
 * wants to reach.
 * <pre>
 * struct { NameType name_type; select (name_type) { case host_name: HostName; } name; } ServerName;
 * enum { host_name(0), (255) } NameType;
 * opaque HostName&lt;1..2^16-1&gt;;
 * struct { ServerName server_name_list&lt;1..2^16-1&gt; } ServerNameList;
 * </pre>
 * Name types other than host_name are kept raw: RFC 6066 §3 requires every future name type
 * to begin with a 16-bit length, so they are read as {@code opaque<0..2^16-1>} and re-encode
 * exactly. The list may hold at most one name of each type (RFC 6066 §3); a second one is an
 * {@code illegal_parameter}, so that {@link #hostName()} is never ambiguous. Whether a host
 * name is a valid DNS name is for the handshake layer to judge.
 *
 * @param names the entries in wire order
 */
public record ServerNameList(List<Entry> names) implements Extension {
    /** NameType host_name (RFC 6066 §3). */
    public static final int HOST_NAME = 0;

    /**
     * One {@code ServerName}. The name is kept as bytes; for host_name they are the ASCII
     * host name without a trailing dot (RFC 6066 §3).
     *
     * @param nameType the one-byte name type
     * @param name the name's bytes: {@code HostName<1..2^16-1>} for host_name, otherwise
     *     the length-prefixed payload of the unknown type
     */
    public record Entry(int nameType, byte[] name) {
        /** Checks the type and length and copies the name. */
        public Entry {
            if (nameType < 0 || nameType > 0xff) {
                throw new IllegalArgumentException("name type out of range: " + nameType);
            }
            int floor = nameType == HOST_NAME ? 1 : 0;
            if (name.length < floor || name.length > 0xffff) {
                throw new IllegalArgumentException("server name of " + name.length + " bytes");
            }
            name = name.clone();
        }

        @Override
        public byte[] name() {
            return name.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry other && nameType == other.nameType && Arrays.equals(name, other.name);
        }

        @Override
        public int hashCode() {
            return 31 * nameType + Arrays.hashCode(name);
        }

        @Override
        public String toString() {
            return nameType == HOST_NAME
                    ? new String(name, StandardCharsets.ISO_8859_1)
                    : "type" + nameType + "(" + name.length + " bytes)";
        }
    }

    /** Checks the list is not empty, has one name per type at most, and copies it. */
    public ServerNameList {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("server_name list must not be empty");
        }
        Set<Integer> types = new HashSet<>();
        for (Entry e : names) {
            if (!types.add(e.nameType())) {
                throw new IllegalArgumentException("two server names of type " + e.nameType());
            }
        }
    }

    /**
     * The list with one host_name.
     *
     * @param hostName an ASCII DNS name without a trailing dot, e.g. {@code example.com}
     */
    public static ServerNameList ofHostName(String hostName) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(hostName)) {
            throw new IllegalArgumentException("host name must be ASCII (use the A-label form): " + hostName);
        }
        return new ServerNameList(List.of(new Entry(HOST_NAME, hostName.getBytes(StandardCharsets.US_ASCII))));
    }

    /**
     * The host_name, if the list has one, with one char per byte (ISO 8859-1), so that
     * non-ASCII bytes stay visible for the handshake layer to reject.
     */
    public Optional<String> hostName() {
        return names.stream()
                .filter(e -> e.nameType() == HOST_NAME)
                .map(e -> new String(e.name, StandardCharsets.ISO_8859_1))
                .findFirst();
    }

    static ServerNameList decode(TlsReader in) throws TlsAlertException {
        TlsReader list = in.readVector16(1, 0xffff);
        List<Entry> entries = new ArrayList<>();
        Set<Integer> types = new HashSet<>();
        while (list.hasRemaining()) {
            int nameType = list.readUint8();
            // RFC 6066 §3: HostName<1..2^16-1>; other types begin with a 16-bit length.
            byte[] name = list.readOpaque16(nameType == HOST_NAME ? 1 : 0, 0xffff);
            if (!types.add(nameType)) {
                // RFC 6066 §3: "The ServerNameList MUST NOT contain more than one name of the same name_type."
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "server_name list holds two names of type " + nameType);
            }
            entries.add(new Entry(nameType, name));
        }
        return new ServerNameList(entries);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SERVER_NAME;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeVector16(list -> {
            for (Entry e : names) {
                list.writeUint8(e.nameType());
                list.writeOpaque16(e.name);
            }
        });
    }

    @Override
    public String toString() {
        return type().name() + names.stream().map(Objects::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
