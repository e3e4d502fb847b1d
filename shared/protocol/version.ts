/**
 * The wire protocol version. A client sends it in the socket handshake and in the login body;
 * a server that does not speak it refuses with PROTOCOL_UNSUPPORTED and the device asks the
 * user to update. Bump on any incompatible change to shared/protocol.
 */
export const PROTOCOL_VERSION = 3;

/**
 * Versions this build of the server accepts. Version 2 (2026-11) added the change-log entities
 * attendance, annotationComment and reminder, news carrying entries (prevSeq), and the mutation
 * kinds annotationComment.* and annotation.reanchor: a version-1 device could not parse the
 * pull pages, so it is asked to update rather than left half-synced. Version 3 (2026-12) added
 * a paper's copy policy (`document.copyAllowed`): a version-2 device parses documents strictly
 * and would refuse every page carrying one, and could not honour the policy anyway; and the
 * mutation kind annotation.restore (undo of an annotation's deletion).
 */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [3];
