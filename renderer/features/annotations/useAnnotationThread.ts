import { useMemo } from 'react';
import type {
  AnnotationCommentThread,
  AnnotationCommentView,
} from '../../../shared/domain/annotationComment.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import type { Entity } from '../../../shared/protocol/changes.ts';
import { invoke } from '../../ipc/invoke.ts';
import { useLiveQuery } from '../../ipc/useLiveQuery.ts';

const ENTITIES: readonly Entity[] = ['annotationComment', 'annotation', 'user'];

export interface AnnotationThreadState {
  comments: readonly AnnotationCommentView[];
  /** Why the last load failed (the thread on screen stays). */
  error: IpcErrorCode | null;
  create(parentId: string | null, body: string): Promise<boolean>;
  edit(id: string, body: string): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

function put(
  thread: AnnotationCommentThread,
  view: AnnotationCommentView,
): AnnotationCommentThread {
  const at = thread.comments.findIndex((c) => c.comment.id === view.comment.id);
  if (at === -1) return { ...thread, comments: [...thread.comments, view] };
  const comments = [...thread.comments];
  comments[at] = view;
  return { ...thread, comments };
}

/**
 * The comments on one annotation, kept current by `sync:applied` (a pulled page, a local write,
 * an ack or a refusal). Writes are durable local changes in the core: they show at once (marked
 * pending until the server has them) and work offline.
 */
export function useAnnotationThread(annotationId: string): AnnotationThreadState {
  const live = useLiveQuery(
    annotationId,
    () => invoke('annotationComments:list', { annotationId }),
    ENTITIES,
  );
  const { update } = live;
  const actions = useMemo(() => {
    const settle = (view: AnnotationCommentView): void => update((t) => put(t, view));
    return {
      create: async (parentId: string | null, body: string) => {
        const r = await invoke('annotationComments:create', { annotationId, parentId, body });
        if (r.ok) settle(r.value);
        return r.ok;
      },
      edit: async (id: string, body: string) => {
        const r = await invoke('annotationComments:edit', { id, body });
        if (r.ok) settle(r.value);
        return r.ok;
      },
      remove: async (id: string) => {
        const r = await invoke('annotationComments:delete', { id });
        if (r.ok) settle(r.value);
        return r.ok;
      },
    };
  }, [annotationId, update]);
  return { comments: live.value?.comments ?? [], error: live.error, ...actions };
}
