/**
 * The wire protocol version. A client sends it in the socket handshake and in the login body;
 * a server that does not speak it refuses with PROTOCOL_UNSUPPORTED and the device asks the
 * user to update. Bump on any incompatible change to shared/protocol.
 */
export const PROTOCOL_VERSION = 1;

/** Versions this build of the server accepts. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [1];
