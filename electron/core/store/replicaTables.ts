import type { Entity } from '../../../shared/protocol/changes.ts';

/** The replica table holding each synced entity. */
export const ENTITY_TABLES = {
  user: 'users',
  meeting: 'meetings',
  agendaItem: 'agenda_items',
  document: 'documents',
  documentVersion: 'document_versions',
  participant: 'participants',
  comment: 'comments',
  position: 'positions',
  vote: 'votes',
  ballot: 'ballots',
  annotation: 'annotations',
  opinionBallot: 'opinion_ballots',
  opinion: 'opinions',
  attendance: 'attendance',
  annotationComment: 'annotation_comments',
  reminder: 'reminders',
} as const satisfies Record<Entity, string>;

export type ReplicaTable = (typeof ENTITY_TABLES)[Entity];

/** Every table wiped with the replica (another user signs in, the data key was replaced). The
 * outbox goes with it: its mutations belong to the previous owner's client id. */
export const REPLICA_DATA_TABLES = [
  'users',
  'meetings',
  'agenda_items',
  'documents',
  'document_versions',
  'participants',
  'cached_blobs',
  'offline_meetings',
  'comments',
  'positions',
  'votes',
  'ballots',
  'annotations',
  'opinion_ballots',
  'opinions',
  'attendance',
  'annotation_comments',
  'reminders',
  'signing_credentials',
  'outbox',
  'outbox_client',
  'server_clock',
] as const;

/** AAD context of a sealed record: binds the ciphertext to its table and row. */
export function recordContext(table: ReplicaTable, id: string): string {
  return `${table}:${id}`;
}

/** AAD context of a row's optimistic local record (`local_json`). */
export function localRecordContext(table: ReplicaTable, id: string): string {
  return `${table}:${id}#local`;
}
