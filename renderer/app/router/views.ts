import { idSchema } from '../../../shared/domain/ids.ts';
import { routeFromHash, type Route } from './routes.ts';

/**
 * What the main region shows, read from the hash. The hash is the only routing state:
 * - `#/meetings`                              the meetings list
 * - `#/meetings/<meetingId>`                  one meeting
 * - `#/meetings/<meetingId>/papers/<docId>`   a paper, opened from its meeting
 * - `#/papers/<docId>`                        a paper on its own
 * - `#/settings`                              settings
 * - `#/ballots`, `#/ballots/<ballotId>`        written-opinion ballots, one ballot
 * Ids must be UUIDs; anything else (typo, stale bookmark, injected text) falls back to the
 * section's default view, never to a call with an id the core would refuse.
 */
export type View =
  | { name: 'meetings' }
  | { name: 'meeting'; meetingId: string }
  | { name: 'paper'; documentId: string; meetingId: string | null }
  | { name: 'settings' }
  | { name: 'ballots' }
  | { name: 'ballot'; ballotId: string };

function isId(value: string | undefined): value is string {
  return value !== undefined && idSchema.safeParse(value).success;
}

export function viewFromHash(hash: string): View {
  const parts = hash.replace(/^#\/?/, '').split('?', 1)[0]?.split('/') ?? [];
  const [first, second, third, fourth] = parts;
  if (first === 'papers' && isId(second))
    return { name: 'paper', documentId: second, meetingId: null };
  if (first === 'meetings' && isId(second)) {
    if (third === 'papers' && isId(fourth))
      return { name: 'paper', documentId: fourth, meetingId: second };
    return { name: 'meeting', meetingId: second };
  }
  if (first === 'ballots' && isId(second)) return { name: 'ballot', ballotId: second };
  return { name: routeFromHash(hash) };
}

/** The navigation entry a view belongs to (marked current in the navigation). */
export function sectionOf(view: View): Route {
  if (view.name === 'ballots' || view.name === 'ballot') return 'ballots';
  return view.name === 'settings' ? 'settings' : 'meetings';
}

/** A stable string per view: remounts a screen (and its error boundary) when the view changes. */
export function viewKey(view: View): string {
  switch (view.name) {
    case 'meeting':
      return `meeting:${view.meetingId}`;
    case 'paper':
      return `paper:${view.meetingId ?? ''}:${view.documentId}`;
    case 'ballot':
      return `ballot:${view.ballotId}`;
    default:
      return view.name;
  }
}

export function meetingHref(meetingId: string): string {
  return `#/meetings/${encodeURIComponent(meetingId)}`;
}

export function paperHref(documentId: string, meetingId: string | null): string {
  const paper = `papers/${encodeURIComponent(documentId)}`;
  return meetingId === null ? `#/${paper}` : `${meetingHref(meetingId)}/${paper}`;
}

export function ballotsHref(): string {
  return '#/ballots';
}

export function ballotHref(ballotId: string): string {
  return `#/ballots/${encodeURIComponent(ballotId)}`;
}
