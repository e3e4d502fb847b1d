import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView } from '../../../shared/domain/views.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentItem } from './CommentItem.tsx';
import { useCommentThread } from './useCommentThread.ts';

/**
 * The comments on one agenda item, threaded (replies under their comment), with a box for a
 * new one. Works offline: a comment is stored on the device at once and shows as waiting
 * until the server has it. In a closed meeting the thread is read-only (no new comment, reply,
 * edit or delete), with the reason.
 */
export function CommentThread({
  agendaItemId,
  closed = false,
}: {
  agendaItemId: string;
  /** The meeting is closed: comments can no longer change (the server refuses MEETING_CLOSED). */
  closed?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { thread, error, reload, create, edit, remove } = useCommentThread(agendaItemId);
  const actions = { create, edit, remove };

  const authorOf = (view: CommentView): string =>
    view.mine ? t('comments.you') : (view.authorName ?? t('comments.unknownAuthor'));
  const byId = new Map(thread?.comments.map((view) => [view.comment.id, view]));
  const live = thread?.comments.filter((view) => view.comment.deletedAt === null).length ?? 0;

  return (
    <section
      className="comments"
      aria-labelledby={headingId}
      data-testid="comment-thread"
      data-item-id={agendaItemId}
    >
      <h4 id={headingId} className="activity__title">
        {thread ? t('comments.headingCount', { count: live }) : t('comments.heading')}
      </h4>
      {!thread ? (
        error ? (
          <div className="field__error" role="alert">
            <p>{t('comments.loadFailed', { reason: t(`errors.${error}`) })}</p>
            <button type="button" className="button button--small" onClick={reload}>
              {t('settings.retry')}
            </button>
          </div>
        ) : (
          <p className="muted" role="status">
            {t('comments.loading')}
          </p>
        )
      ) : thread.comments.length === 0 ? (
        <p className="muted">{t('comments.empty')}</p>
      ) : (
        <ol className="comments__list">
          {thread.comments.map((view) => {
            const parent =
              view.comment.parentId === null ? undefined : byId.get(view.comment.parentId);
            return (
              <CommentItem
                key={view.comment.id}
                view={view}
                parentAuthor={parent ? authorOf(parent) : null}
                actions={actions}
                readOnly={closed}
              />
            );
          })}
        </ol>
      )}
      {thread && closed ? (
        <p className="activity__closed" data-testid="comments-closed">
          {t('comments.closed')}
        </p>
      ) : null}
      {thread && !closed ? (
        <CommentForm
          label={t('comments.newLabel')}
          submitLabel={t('comments.submit')}
          onSubmit={(body) => create(null, body)}
        />
      ) : null}
    </section>
  );
}
