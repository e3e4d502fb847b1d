import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionView } from '../../../shared/domain/opinionBallot.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { OPINION_CHOICES, type OpinionChoice } from '../../../shared/opinions/payload.ts';
import { invoke } from '../../ipc/invoke.ts';
import { ExceptionsEditor, type ExceptionDraft } from './ExceptionsEditor.tsx';
import { KeyPasswordField } from '../settings/KeyPasswordField.tsx';

type Step = 'edit' | 'review';

/**
 * The answer to a ballot: Agree / Disagree / Other opinion, the text, the articles excepted;
 * then a summary to review, and the certificate password to sign. The password goes straight
 * to `opinions:sign` and is never stored; the signed opinion waits on this device until sent.
 */
export function AnswerForm({
  ballotId,
  onSigned,
}: {
  ballotId: string;
  onSigned: (opinion: OpinionView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [step, setStep] = useState<Step>('edit');
  const [choice, setChoice] = useState<OpinionChoice | null>(null);
  const [text, setText] = useState('');
  const [exceptions, setExceptions] = useState<ExceptionDraft[]>([]);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcErrorCode | null>(null);
  const needsText = choice === 'other' && text.trim() === '';
  const filled = exceptions.filter((e) => e.article.trim() !== '');

  function review(event: FormEvent): void {
    event.preventDefault();
    if (choice === null || needsText) return;
    setError(null);
    setStep('review');
  }

  async function sign(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (choice === null || busy) return;
    setBusy(true);
    setError(null);
    const result = await invoke('opinions:sign', {
      ballotId,
      choice,
      text,
      exceptions: filled.map((e) => ({ article: e.article.trim(), note: e.note })),
      password,
    });
    setBusy(false);
    setPassword('');
    if (!result.ok) {
      setError(result.error.code);
      return;
    }
    setStep('edit');
    setChoice(null);
    setText('');
    setExceptions([]);
    onSigned(result.value);
  }

  if (step === 'review' && choice !== null)
    return (
      <form
        className="answer answer--review"
        onSubmit={(e) => void sign(e)}
        data-testid="answer-review"
      >
        <h3>{t('ballots.answer.reviewTitle')}</h3>
        <dl className="answer__summary">
          <dt>{t('ballots.answer.choiceLabel')}</dt>
          <dd data-testid="review-choice">{t(`ballots.choice.${choice}`)}</dd>
          <dt>{t('ballots.answer.textLabel')}</dt>
          <dd className="answer__text">{text === '' ? t('ballots.answer.noText') : text}</dd>
          <dt>{t('ballots.answer.exceptionsLabel')}</dt>
          <dd>
            {filled.length === 0 ? (
              t('ballots.answer.noExceptions')
            ) : (
              <ul>
                {filled.map((e, i) => (
                  <li key={i}>
                    {e.note === ''
                      ? e.article
                      : t('ballots.answer.exceptionLine', { article: e.article, note: e.note })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        <KeyPasswordField
          id={`${id}-password`}
          label={t('ballots.answer.password')}
          value={password}
          onChange={setPassword}
          testId="answer-password"
        />
        <p className="muted">{t('ballots.answer.signHint')}</p>
        {error ? (
          <p className="field__error" role="alert" data-testid="answer-error">
            {t(`errors.${error}`)}
          </p>
        ) : null}
        <div className="answer__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setStep('edit')}
          >
            {t('ballots.answer.back')}
          </button>
          <button type="submit" className="button" aria-disabled={busy} data-testid="answer-sign">
            {busy ? t('ballots.answer.signing') : t('ballots.answer.sign')}
          </button>
        </div>
      </form>
    );

  return (
    <form className="answer" onSubmit={review} data-testid="answer-form">
      <fieldset className="answer__choices">
        <legend>{t('ballots.answer.choiceLabel')}</legend>
        {OPINION_CHOICES.map((c) => (
          <label key={c} className="answer__choice">
            <input
              type="radio"
              name={`${id}-choice`}
              value={c}
              checked={choice === c}
              onChange={() => setChoice(c)}
              data-testid={`answer-choice-${c}`}
            />
            {t(`ballots.choice.${c}`)}
          </label>
        ))}
      </fieldset>
      <label className="field" htmlFor={`${id}-text`}>
        <span className="field__label">
          {choice === 'other' ? t('ballots.answer.textRequired') : t('ballots.answer.textLabel')}
        </span>
        <textarea
          id={`${id}-text`}
          className="field__input"
          rows={4}
          maxLength={20_000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="answer-text"
        />
      </label>
      <ExceptionsEditor value={exceptions} onChange={setExceptions} />
      <button
        type="submit"
        className="button"
        aria-disabled={choice === null || needsText}
        data-testid="answer-review-button"
      >
        {t('ballots.answer.review')}
      </button>
    </form>
  );
}
