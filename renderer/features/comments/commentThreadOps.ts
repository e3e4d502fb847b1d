import type { CommentThread, CommentView } from '../../../shared/domain/views.ts';

/** How a comment shows: waiting for the server, accepted, or its latest change refused. */
export type CommentState = 'pending' | 'synced' | 'rejected';

/**
 * A change waiting for the server wins over an older refusal (the user has acted since);
 * otherwise a refusal not yet dismissed shows.
 */
export function commentState(view: Pick<CommentView, 'pending' | 'rejection'>): CommentState {
  if (view.pending) return 'pending';
  return view.rejection ? 'rejected' : 'synced';
}

/** A creation the server refused: the comment exists on this device only, as a record of it. */
export function isRefusedCreation(view: Pick<CommentView, 'pending' | 'rejection'>): boolean {
  return !view.pending && view.rejection?.kind === 'comment.create';
}

/**
 * Puts `view` (what a write returned) into `thread` in thread order: in place of the entry
 * with its id, else as a new reply right after its parent's last descendant, else (a comment
 * on the item, or a parent not listed) at the end. Pure; the next `comments:list` replaces it.
 */
export function upsertComment(thread: CommentThread, view: CommentView): CommentThread {
  const comments = [...thread.comments];
  const at = comments.findIndex((entry) => entry.comment.id === view.comment.id);
  if (at !== -1) {
    comments[at] = view;
    return { ...thread, comments };
  }
  const parentAt =
    view.comment.parentId === null
      ? -1
      : comments.findIndex((entry) => entry.comment.id === view.comment.parentId);
  const parent = comments[parentAt];
  if (!parent) {
    comments.push({ ...view, depth: 0 });
    return { ...thread, comments };
  }
  let end = parentAt + 1;
  while (end < comments.length && (comments[end]?.depth ?? 0) > parent.depth) end += 1;
  comments.splice(end, 0, { ...view, depth: parent.depth + 1 });
  return { ...thread, comments };
}
