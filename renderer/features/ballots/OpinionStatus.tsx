import { useTranslation } from 'react-i18next';
import type { OpinionView } from '../../../shared/domain/opinionBallot.ts';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { reasonKey } from './opinionReason.ts';

/**
 * What became of a signed opinion: waiting on this device, received and verified (the
 * server's receive time is the receipt; the device's signing time beside it), or refused with
 * the reason in words.
 */
export function OpinionStatus({ opinion }: { opinion: OpinionView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const at = (iso: string | null): string =>
    iso === null ? '' : formatDateTime(Date.parse(iso), language);
  const choice = opinion.choice === null ? '' : t(`ballots.choice.${opinion.choice}`);
  return (
    <div
      className={`opinion-status opinion-status--${opinion.status}`}
      data-testid="opinion-status"
      data-status={opinion.status}
      role="status"
    >
      {opinion.status === 'pending' ? (
        <p>{t('ballots.status.pending', { choice, signedAt: at(opinion.signingTime) })}</p>
      ) : opinion.status === 'verified' ? (
        <>
          <p>{t('ballots.status.verified', { choice })}</p>
          <p className="muted">
            {t('ballots.status.receipt', {
              receivedAt: at(opinion.receivedAt),
              signedAt: at(opinion.signingTime),
            })}
          </p>
        </>
      ) : (
        <>
          <p>{t('ballots.status.rejected', { receivedAt: at(opinion.receivedAt) })}</p>
          <p data-testid="opinion-reason" data-code={opinion.code ?? ''}>
            {reasonKey(opinion.code) === 'other'
              ? t('ballots.reason.other', { code: opinion.code ?? '' })
              : t(`ballots.reason.${reasonKey(opinion.code)}`)}
          </p>
        </>
      )}
    </div>
  );
}
