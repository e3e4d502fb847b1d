import { useCallback } from 'react';
import type { CommentThread } from '../../../shared/domain/views.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import type { Entity } from '../../../shared/protocol/changes.ts';
import { invoke, type IpcResult } from '../../ipc/invoke.ts';
import { useLiveQuery } from '../../ipc/useLiveQuery.ts';
import { upsertComment } from './commentThreadOps.ts';

/** What a comments view depends on: the comments, and the directory for authors' names. */
const ENTITIES: readonly Entity[] = ['comment', 'user'];

/** A comment write's answer: the comment as it now shows (all three return the same). */
export type CommentWriteResult = IpcResult<'comments:create'>;

export interface CommentThreadState {
  thread: CommentThread | null;
  error: IpcErrorCode | null;
  reload: () => void;
  create: (parentId: string | null, body: string) => Promise<CommentWriteResult>;
  edit: (id: string, body: string) => Promise<CommentWriteResult>;
  remove: (id: string) => Promise<CommentWriteResult>;
}

/**
 * One agenda item's comments (`comments:list`), kept current by `sync:applied`. A write's
 * answer is laid over the thread at once (a new comment shows as pending before the reload).
 */
export function useCommentThread(agendaItemId: string): CommentThreadState {
  const { value, error, reload, update } = useLiveQuery(
    agendaItemId,
    () => invoke('comments:list', { agendaItemId }),
    ENTITIES,
  );

  const settle = useCallback(
    (result: CommentWriteResult): CommentWriteResult => {
      if (result.ok) update((thread) => upsertComment(thread, result.value));
      return result;
    },
    [update],
  );

  return {
    thread: value,
    error,
    reload,
    create: async (parentId, body) =>
      settle(await invoke('comments:create', { agendaItemId, parentId, body })),
    edit: async (id, body) => settle(await invoke('comments:edit', { id, body })),
    remove: async (id) => settle(await invoke('comments:delete', { id })),
  };
}
