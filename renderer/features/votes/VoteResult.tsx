import { useTranslation } from 'react-i18next';
import type { Vote } from '../../../shared/domain/vote.ts';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

type TallyResult = NonNullable<Vote['result']>;

/** A closed vote's result: passed, failed, or no quorum; attendance; a tie the chair decided. */
export function VoteResult({ result, closedAt }: { result: TallyResult; closedAt: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div
      className={`vote-result vote-result--${result.outcome}`}
      data-testid="vote-result"
      data-outcome={result.outcome}
    >
      <p className="vote-result__outcome">
        {t('votes.resultLabel', { outcome: t(`votes.result.${result.outcome}`) })}
      </p>
      <p className="vote-result__facts">
        {t('votes.tally', { for: result.for, eligible: result.eligible })}{' '}
        {t('votes.presence', { present: result.present, eligible: result.eligible })}
      </p>
      {result.decidedByChair ? (
        <p className="vote-result__facts">{t('votes.decidedByChair')}</p>
      ) : null}
      {closedAt === null ? null : (
        <p className="muted">
          {t('votes.closedAt', { time: formatDateTime(Date.parse(closedAt), language) })}
        </p>
      )}
    </div>
  );
}
