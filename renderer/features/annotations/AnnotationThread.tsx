import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COMMENT_LENGTH } from '../../../shared/domain/comment.ts';
import type { AnnotationCommentView } from '../../../shared/domain/annotationComment.ts';
import { RejectionNotice } from '../outbox/RejectionNotice.tsx';
import { useAnnotationThread, type AnnotationThreadState } from './useAnnotationThread.ts';

/** Replies are indented up to this depth; deeper ones line up with it. */
const MAX_INDENT = 4;

/**
 * The comments on the selected annotation, threaded: anyone who sees the annotation may comment
 * and reply; only the author edits or deletes their own. Bodies are plain text (markup is
 * shown as typed, never interpreted). Comments written offline show as waiting to be sent.
 */
export function AnnotationThread({ annotationId }: { annotationId: string }) {
  const { t } = useTranslation();
  const thread = useAnnotationThread(annotationId);
  return (
    <section
      className="annotation-thread"
      aria-label={t('annotations.thread.title')}
      data-testid="annotation-thread"
    >
      <h3 className="annotation-thread__title">{t('annotations.thread.title')}</h3>
      {thread.error !== null && thread.comments.length === 0 ? (
        <p className="field__error" role="alert">
          {t('annotations.thread.loadFailed')}
        </p>
      ) : thread.comments.length === 0 ? (
        <p className="muted">{t('annotations.thread.none')}</p>
      ) : (
        <ul className="annotation-thread__list">
          {thread.comments.map((view) => (
            <ThreadComment key={view.comment.id} view={view} thread={thread} />
          ))}
        </ul>
      )}
      <CommentBox
        label={t('annotations.thread.add')}
        submit={t('annotations.thread.send')}
        testId="annotation-comment-input"
        onSubmit={(body) => thread.create(null, body)}
      />
    </section>
  );
}

function ThreadComment({
  view,
  thread,
}: {
  view: AnnotationCommentView;
  thread: AnnotationThreadState;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'reply' | 'edit'>('view');
  const { comment } = view;
  const deleted = comment.deletedAt !== null;
  const refusedCreation = view.rejection?.kind === 'annotationComment.create';
  const name = view.mine
    ? t('annotations.mine')
    : (view.authorName ?? t('annotations.unknownAuthor'));
  return (
    <li
      className="annotation-comment"
      data-testid="annotation-comment"
      data-id={comment.id}
      data-depth={view.depth}
      data-pending={view.pending ? 'true' : 'false'}
      style={{ marginInlineStart: `${Math.min(view.depth, MAX_INDENT)}rem` }}
    >
      <p className="annotation-comment__meta muted">
        {name}
        {comment.editedAt !== null && !deleted ? ` · ${t('annotations.thread.edited')}` : ''}
        {view.pending ? (
          <span data-testid="annotation-comment-pending"> · {t('annotations.thread.pending')}</span>
        ) : null}
      </p>
      {deleted ? (
        <p className="muted">{t('annotations.thread.deleted')}</p>
      ) : mode === 'edit' ? (
        <CommentBox
          label={t('annotations.thread.edit')}
          submit={t('annotations.thread.save')}
          testId="annotation-comment-editor"
          initial={comment.body}
          onSubmit={async (body) => {
            const ok = await thread.edit(comment.id, body);
            if (ok) setMode('view');
            return ok;
          }}
          onCancel={() => setMode('view')}
        />
      ) : (
        <p className="annotation-comment__body" data-testid="annotation-comment-body">
          {comment.body}
        </p>
      )}
      {view.rejection ? (
        <RejectionNotice rejection={view.rejection} lead={t('annotations.thread.refused')} />
      ) : null}
      {mode === 'view' && !deleted && !refusedCreation ? (
        <div className="annotation-comment__actions">
          <button
            type="button"
            className="button button--link"
            data-testid="annotation-comment-reply"
            onClick={() => setMode('reply')}
          >
            {t('annotations.thread.reply')}
          </button>
          {view.mine ? (
            <>
              <button
                type="button"
                className="button button--link"
                data-testid="annotation-comment-edit"
                onClick={() => setMode('edit')}
              >
                {t('annotations.thread.edit')}
              </button>
              <button
                type="button"
                className="button button--link"
                data-testid="annotation-comment-delete"
                onClick={() => void thread.remove(comment.id)}
              >
                {t('annotations.thread.delete')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {mode === 'reply' ? (
        <CommentBox
          label={t('annotations.thread.replyTo', { name })}
          submit={t('annotations.thread.send')}
          testId="annotation-comment-reply-input"
          onSubmit={async (body) => {
            const ok = await thread.create(comment.id, body);
            if (ok) setMode('view');
            return ok;
          }}
          onCancel={() => setMode('view')}
        />
      ) : null}
    </li>
  );
}

/** A plain-text box with a submit button; cleared after a successful submit. */
function CommentBox(props: {
  label: string;
  submit: string;
  testId: string;
  initial?: string;
  onSubmit: (body: string) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(props.initial ?? '');
  const [busy, setBusy] = useState(false);
  const empty = body.trim() === '';
  return (
    <form
      className="annotation-comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (empty || busy) return;
        setBusy(true);
        void props.onSubmit(body.trim()).then((ok) => {
          setBusy(false);
          if (ok && props.initial === undefined) setBody('');
        });
      }}
    >
      <textarea
        aria-label={props.label}
        placeholder={t('annotations.thread.placeholder')}
        data-testid={props.testId}
        value={body}
        maxLength={MAX_COMMENT_LENGTH}
        onChange={(e) => setBody(e.target.value)}
      />
      <button
        type="submit"
        className="button button--small"
        disabled={empty || busy}
        data-testid={`${props.testId}-submit`}
      >
        {props.submit}
      </button>
      {props.onCancel ? (
        <button type="button" className="button button--small" onClick={props.onCancel}>
          {t('annotations.thread.cancel')}
        </button>
      ) : null}
    </form>
  );
}
