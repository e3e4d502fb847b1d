/**
 * The names of every IPC channel and pushed event. Kept free of zod so the sandboxed preload
 * can refuse unknown names without bundling the schemas. `contract.ts` and `events.ts` are
 * checked against these lists at compile time.
 */
export const CHANNELS = [
  'app:info',
  'settings:get',
  'settings:set',
  'shell:openExternal',
  'session:get',
  'session:login',
  'session:logout',
  'meetings:list',
  'meetings:get',
  'documents:download',
  'documents:read',
  'sync:now',
  'connection:get',
  'comments:list',
  'comments:create',
  'comments:edit',
  'comments:delete',
  'positions:get',
  'positions:set',
  'votes:list',
  'votes:cast',
  'votes:open',
  'votes:close',
  'attendance:get',
  'attendance:set',
  'outbox:status',
  'outbox:dismiss',
  'annotations:list',
  'annotations:create',
  'annotations:update',
  'annotations:delete',
  'annotations:restore',
  'annotations:reanchor',
  'annotations:export',
  'annotations:place',
  'annotationComments:list',
  'annotationComments:create',
  'annotationComments:edit',
  'annotationComments:delete',
  'documents:readVersion',
  'readingPositions:get',
  'readingPositions:set',
  'certificates:import',
  'certificates:get',
  'ballots:list',
  'ballots:get',
  'opinions:sign',
  'opinions:list',
  'ballots:followUp',
  'ballots:exportEvidence',
  'ballots:close',
  'ballots:remind',
  'reminders:list',
  'reminders:dismiss',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENTS = [
  'settings:changed',
  'connection:state',
  'session:changed',
  'sync:applied',
  'download:progress',
  'outbox:changed',
  'evidence:progress',
] as const;
export type EventName = (typeof EVENTS)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNELS);
const eventSet: ReadonlySet<string> = new Set(EVENTS);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && channelSet.has(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventSet.has(value);
}
