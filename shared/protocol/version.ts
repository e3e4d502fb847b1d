/**
 * The wire protocol version. A client sends it in the socket handshake and in the login body;
 * a server that does not speak it refuses with PROTOCOL_UNSUPPORTED and the device asks the
 * user to update. Bump on any incompatible change to shared/protocol.
 */
export const PROTOCOL_VERSION = 2;

/**
 * Versions this build of the server accepts. Version 2 (2026-11) added the change-log entities
 * attendance, annotationComment and reminder, news carrying entries (prevSeq), and the mutation
 * kinds annotationComment.* and annotation.reanchor: a version-1 device could not parse the
 * pull pages, so it is asked to update rather than left half-synced.
 */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [2];
