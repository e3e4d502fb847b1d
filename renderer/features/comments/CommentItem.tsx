import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView } from '../../../shared/domain/views.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { RejectionNotice } from '../outbox/RejectionNotice.tsx';
import { commentState, isRefusedCreation } from './commentThreadOps.ts';
import { CommentForm } from './CommentForm.tsx';
import type { CommentThreadState } from './useCommentThread.ts';

/** Replies are indented up to this depth; deeper ones line up with it. */
const MAX_INDENT = 4;

type Mode = 'view' | 'reply' | 'edit';

/** Which sentence introduces a refusal, by the refused change's kind. */
function rejectionLeadKey(kind: string) {
  if (kind === 'comment.edit') return 'comments.rejectedLead.edit' as const;
  if (kind === 'comment.delete') return 'comments.rejectedLead.delete' as const;
  return 'comments.rejectedLead.create' as const;
}

/**
 * One comment: author, time, body (plain text: markup is shown as typed, never interpreted),
 * its state (waiting for the server, or refused with the reason), and actions. Anyone may
 * reply; only the author sees "Edit" and "Delete" (the core and the server check too).
 */
export function CommentItem({
  view,
  parentAuthor,
  actions,
  readOnly = false,
}: {
  view: CommentView;
  /** The author of the comment this one replies to, for screen readers; null at the top. */
  parentAuthor: string | null;
  actions: Pick<CommentThreadState, 'create' | 'edit' | 'remove'>;
  /** No reply, edit or delete (the meeting is closed). */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [mode, setMode] = useState<Mode>('view');
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<IpcErrorCode | null>(null);
  const { comment } = view;
  const state = commentState(view);
  const deleted = comment.deletedAt !== null;
  const refusedCreation = isRefusedCreation(view);
  const author = view.mine ? t('comments.you') : (view.authorName ?? t('comments.unknownAuthor'));

  async function onDelete(): Promise<void> {
    if (deleting) return;
    setDeleting(true);
    setDeleteError(null);
    const result = await actions.remove(comment.id);
    setDeleting(false);
    if (!result.ok) setDeleteError(result.error.code);
  }

  return (
    <li
      className={`comment comment--${state} comment--depth-${Math.min(view.depth, MAX_INDENT)}`}
      data-testid="comment"
      data-comment-id={comment.id}
      data-state={state}
      data-depth={view.depth}
      data-mine={view.mine}
    >
      <p className="comment__meta">
        <span className="comment__author">{author}</span>
        {parentAuthor === null ? null : (
          <span className="visually-hidden">{t('comments.replyTo', { name: parentAuthor })}</span>
        )}
        <time className="comment__time" dateTime={comment.createdAt}>
          {formatDateTime(Date.parse(comment.createdAt), language)}
        </time>
        {comment.editedAt !== null && !deleted ? (
          <span className="comment__edited">{t('comments.edited')}</span>
        ) : null}
        {state === 'pending' ? (
          <span className="badge badge--pending" data-testid="comment-pending">
            {t('activity.pending')}
          </span>
        ) : null}
        {state === 'rejected' ? (
          <span className="badge badge--rejected">{t('activity.rejected')}</span>
        ) : null}
      </p>
      {mode === 'edit' ? (
        <CommentForm
          label={t('comments.editLabel')}
          submitLabel={t('comments.saveEdit')}
          initialBody={comment.body}
          autoFocus
          onSubmit={(body) => actions.edit(comment.id, body)}
          onCancel={() => setMode('view')}
          onDone={() => setMode('view')}
        />
      ) : deleted ? (
        <p className="comment__deleted muted">{t('comments.deleted')}</p>
      ) : (
        <p className="comment__body" data-testid="comment-body">
          {comment.body}
        </p>
      )}
      {view.rejection ? (
        <RejectionNotice
          rejection={view.rejection}
          lead={t(rejectionLeadKey(view.rejection.kind))}
        />
      ) : null}
      {mode === 'view' && !deleted && !refusedCreation && !readOnly ? (
        <div className="comment__actions">
          <button
            type="button"
            className="button button--link"
            data-testid="comment-reply"
            onClick={() => setMode('reply')}
          >
            {t('comments.reply')}
          </button>
          {view.mine ? (
            <>
              <button
                type="button"
                className="button button--link"
                data-testid="comment-edit"
                onClick={() => setMode('edit')}
              >
                {t('comments.edit')}
              </button>
              <button
                type="button"
                className="button button--link button--danger"
                aria-disabled={deleting}
                data-testid="comment-delete"
                onClick={() => void onDelete()}
              >
                {t('comments.delete')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {deleteError ? (
        <p className="field__error" role="alert">
          {t('comments.deleteFailed', { reason: t(`errors.${deleteError}`) })}
        </p>
      ) : null}
      {mode === 'reply' ? (
        <CommentForm
          label={t('comments.replyLabel', { name: author })}
          submitLabel={t('comments.submitReply')}
          autoFocus
          onSubmit={(body) => actions.create(comment.id, body)}
          onCancel={() => setMode('view')}
          onDone={() => setMode('view')}
        />
      ) : null}
    </li>
  );
}
