import { useTranslation } from 'react-i18next';

export interface ExceptionDraft {
  article: string;
  note: string;
}

/** The articles the member excepts ("Điều 5", "khoản 2 Điều 7"), each with an optional note. */
export function ExceptionsEditor({
  value,
  onChange,
}: {
  value: ExceptionDraft[];
  onChange: (next: ExceptionDraft[]) => void;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<ExceptionDraft>): void =>
    onChange(value.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  return (
    <fieldset className="answer__exceptions" data-testid="answer-exceptions">
      <legend>{t('ballots.answer.exceptionsLabel')}</legend>
      {value.map((e, i) => (
        <div key={i} className="answer__exception">
          <input
            className="field__input"
            aria-label={t('ballots.answer.article')}
            placeholder={t('ballots.answer.articlePlaceholder')}
            maxLength={200}
            value={e.article}
            onChange={(event) => set(i, { article: event.target.value })}
            data-testid="exception-article"
          />
          <input
            className="field__input"
            aria-label={t('ballots.answer.note')}
            maxLength={4000}
            value={e.note}
            onChange={(event) => set(i, { note: event.target.value })}
            data-testid="exception-note"
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            {t('ballots.answer.removeException')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...value, { article: '', note: '' }])}
        data-testid="exception-add"
      >
        {t('ballots.answer.addException')}
      </button>
    </fieldset>
  );
}
