import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { CloseBallotButton } from './CloseBallotButton.tsx';
import { reasonKey } from './opinionReason.ts';
import { RemindButton } from './RemindButton.tsx';
import { useFollowUp } from './useBallots.ts';

/**
 * Secretariat follow-up (bảng tổng hợp ý kiến): per member answered and verified, refused (with
 * the reason), or not yet; the counts and the result so far under the ballot's rule set. While
 * open: reminders (one member, or all who have not answered) and closing; once closed, the
 * result stored at close.
 */
export function FollowUpTable({ ballotId }: { ballotId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useFollowUp(ballotId);
  if (query.value === null)
    return query.error ? (
      <p className="field__error" role="alert">
        {t(`errors.${query.error}`)}
      </p>
    ) : (
      <p className="muted" role="status">
        {t('ballots.loading')}
      </p>
    );
  const { ballot, members, result } = query.value;
  const open = ballot.status === 'open';
  const waiting = members.some((m) => m.state !== 'verified');
  return (
    <section className="follow-up" aria-labelledby="follow-up-title" data-testid="follow-up">
      <h2 id="follow-up-title">{t('ballots.followUp.title')}</h2>
      <p data-testid="follow-up-counts">
        {t('ballots.followUp.counts', {
          agree: result.agree,
          disagree: result.disagree,
          other: result.other,
          rejected: result.rejected,
          notAnswered: result.notAnswered,
          eligible: result.eligible,
        })}
      </p>
      {open ? (
        <p data-testid="follow-up-outcome">{t(`ballots.followUp.outcome.${result.outcome}`)}</p>
      ) : (
        <p data-testid="follow-up-outcome" data-final="true">
          {t('ballots.followUp.closedResult', {
            closedAt:
              ballot.closedAt != null ? formatDateTime(Date.parse(ballot.closedAt), language) : '',
          })}{' '}
          {t(`ballots.followUp.finalOutcome.${result.outcome}`)}
        </p>
      )}
      {open ? (
        <div className="follow-up__actions">
          {waiting ? (
            <RemindButton
              ballotId={ballot.id}
              label={t('ballots.followUp.remindAll')}
              testId="remind-all"
            />
          ) : null}
          <CloseBallotButton ballotId={ballot.id} onClosed={query.reload} />
        </div>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('ballots.followUp.member')}</th>
            <th scope="col">{t('ballots.followUp.state')}</th>
            <th scope="col">{t('ballots.followUp.answer')}</th>
            <th scope="col">{t('ballots.followUp.received')}</th>
            {open ? <th scope="col">{t('ballots.followUp.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.memberId} data-testid="follow-up-row" data-state={m.state}>
              <td>{m.displayName}</td>
              <td>{t(`ballots.followUp.states.${m.state}`)}</td>
              <td>
                {m.state === 'verified' && m.choice !== null
                  ? t(`ballots.choice.${m.choice}`)
                  : m.state === 'rejected'
                    ? reasonKey(m.opinion?.code ?? null) === 'other'
                      ? t('ballots.reason.other', { code: m.opinion?.code ?? '' })
                      : t(`ballots.reason.${reasonKey(m.opinion?.code ?? null)}`)
                    : ''}
              </td>
              <td>{m.opinion ? formatDateTime(Date.parse(m.opinion.receivedAt), language) : ''}</td>
              {open ? (
                <td>
                  {m.state !== 'verified' ? (
                    <RemindButton
                      ballotId={ballot.id}
                      memberId={m.memberId}
                      label={t('ballots.followUp.remindLabel', { name: m.displayName })}
                      testId="remind-member"
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
