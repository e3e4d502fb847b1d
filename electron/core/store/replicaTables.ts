import type { Entity } from '../../../shared/protocol/changes.ts';

/** The replica table holding each synced entity. */
export const ENTITY_TABLES = {
  user: 'users',
  meeting: 'meetings',
  agendaItem: 'agenda_items',
  document: 'documents',
  documentVersion: 'document_versions',
  participant: 'participants',
} as const satisfies Record<Entity, string>;

export type ReplicaTable = (typeof ENTITY_TABLES)[Entity];

/** AAD context of a sealed record: binds the ciphertext to its table and row. */
export function recordContext(table: ReplicaTable, id: string): string {
  return `${table}:${id}`;
}
