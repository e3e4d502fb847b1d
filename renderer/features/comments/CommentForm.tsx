import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COMMENT_LENGTH } from '../../../shared/domain/comment.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import type { CommentWriteResult } from './useCommentThread.ts';

type Issue = { kind: 'required' } | { kind: 'failed'; code: IpcErrorCode };

/**
 * A plain-text box for a new comment, a reply or an edit. The draft lives here only (a sync
 * never touches it); it is cleared, or the form closed (`onDone`), once the core has stored
 * the change. The body is sent trimmed; an empty one is not sent.
 */
export function CommentForm({
  label,
  submitLabel,
  initialBody = '',
  autoFocus = false,
  onSubmit,
  onCancel,
  onDone,
}: {
  label: string;
  submitLabel: string;
  initialBody?: string;
  autoFocus?: boolean;
  onSubmit: (body: string) => Promise<CommentWriteResult>;
  onCancel?: () => void;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState(initialBody);
  const [busy, setBusy] = useState(false);
  const [issue, setIssue] = useState<Issue | null>(null);
  const errorId = `${id}-error`;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const trimmed = body.trim();
    if (trimmed === '') {
      setIssue({ kind: 'required' });
      return;
    }
    setBusy(true);
    const result = await onSubmit(trimmed);
    setBusy(false);
    if (!result.ok) {
      setIssue({ kind: 'failed', code: result.error.code });
      return;
    }
    setIssue(null);
    setBody('');
    onDone?.();
  }

  return (
    <form className="comment-form" noValidate onSubmit={(event) => void submit(event)}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="field__input comment-form__input"
        rows={3}
        maxLength={MAX_COMMENT_LENGTH}
        value={body}
        autoFocus={autoFocus}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? errorId : undefined}
        data-testid="comment-input"
        onChange={(event) => setBody(event.target.value)}
      />
      {issue ? (
        <p id={errorId} className="field__error" role="alert">
          {issue.kind === 'required'
            ? t('comments.required')
            : t('comments.failed', { reason: t(`errors.${issue.code}`) })}
        </p>
      ) : null}
      <div className="comment-form__actions">
        <button
          type="submit"
          className="button button--primary button--small"
          aria-disabled={busy}
          data-testid="comment-submit"
        >
          {busy ? t('comments.saving') : submitLabel}
        </button>
        {onCancel ? (
          <button
            type="button"
            className="button button--small"
            data-testid="comment-cancel"
            onClick={onCancel}
          >
            {t('comments.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
