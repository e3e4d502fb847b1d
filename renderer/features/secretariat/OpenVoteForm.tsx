import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import type { MeetingVotesState } from '../votes/useMeetingVotes.ts';

/** Longest question, characters (the contract's limit). */
const MAX_QUESTION_LENGTH = 2000;

type Outcome =
  | { kind: 'idle' }
  | { kind: 'opened' }
  | { kind: 'required' }
  | { kind: 'failed'; code: IpcErrorCode };

/**
 * "Open a vote" on one item: the question and the button. Online only (the core refuses at
 * once while offline); the new vote shows in the agenda when the pull that follows brings it.
 */
export function OpenVoteForm({
  agendaItemId,
  onOpen,
}: {
  agendaItemId: string;
  onOpen: MeetingVotesState['open'];
}) {
  const { t } = useTranslation();
  const id = useId();
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const trimmed = question.trim();
    if (trimmed === '') {
      setOutcome({ kind: 'required' });
      return;
    }
    setBusy(true);
    const result = await onOpen(agendaItemId, trimmed);
    setBusy(false);
    if (result.ok) {
      setQuestion('');
      setOutcome({ kind: 'opened' });
    } else setOutcome({ kind: 'failed', code: result.error.code });
  }

  return (
    <form className="open-vote" noValidate onSubmit={(event) => void submit(event)}>
      <label className="field__label" htmlFor={id}>
        {t('secretariat.openVote.label')}
      </label>
      <div className="open-vote__row">
        <input
          id={id}
          className="field__input"
          type="text"
          maxLength={MAX_QUESTION_LENGTH}
          value={question}
          data-testid="vote-open-question"
          onChange={(event) => setQuestion(event.target.value)}
        />
        <button
          type="submit"
          className="button button--primary button--small"
          aria-disabled={busy}
          data-testid="vote-open"
        >
          {busy ? t('secretariat.openVote.opening') : t('secretariat.openVote.submit')}
        </button>
      </div>
      {outcome.kind === 'required' ? (
        <p className="field__error" role="alert">
          {t('secretariat.openVote.required')}
        </p>
      ) : null}
      {outcome.kind === 'failed' ? (
        <p className="field__error" role="alert">
          {t('secretariat.openVote.failed', { reason: t(`errors.${outcome.code}`) })}
        </p>
      ) : null}
      {outcome.kind === 'opened' ? (
        <p className="muted" role="status">
          {t('secretariat.openVote.opened')}
        </p>
      ) : null}
    </form>
  );
}
