import { useTranslation } from 'react-i18next';
import { ballotsHref, paperHref } from '../../app/router/views.ts';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { isStaff } from '../secretariat/isStaff.ts';
import { useSessionStore } from '../session/sessionStore.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { EvidenceExport } from './EvidenceExport.tsx';
import { FollowUpTable } from './FollowUpTable.tsx';
import { OpinionStatus } from './OpinionStatus.tsx';
import { useBallot, useMyOpinions } from './useBallots.ts';

/**
 * One ballot: the question, the deadline, the drafts (the exact versions an answer signs, with
 * links to the reader where the papers are on this device), my answers so far and the form to
 * answer (members asked, while open); the follow-up table for the secretariat.
 */
export function BallotDetailScreen({ ballotId }: { ballotId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useSessionStore((state) => state.user);
  const query = useBallot(ballotId);
  const opinions = useMyOpinions(ballotId);
  const view = query.value;
  if (view === null)
    return (
      <section className="screen" data-testid="ballot-screen">
        <a href={ballotsHref()}>{t('ballots.back')}</a>
        {query.error ? (
          <p className="field__error" role="alert">
            {t(`errors.${query.error}`)}
          </p>
        ) : (
          <p className="muted" role="status">
            {t('ballots.loading')}
          </p>
        )}
      </section>
    );
  const { ballot, documents } = view;
  const asked = user !== null && ballot.eligibleMemberIds.includes(user.id);
  return (
    <section className="screen" aria-labelledby="ballot-title" data-testid="ballot-screen">
      <a href={ballotsHref()}>{t('ballots.back')}</a>
      <h1 id="ballot-title" className="screen__title">
        {ballot.question}
      </h1>
      <p data-testid="ballot-deadline">
        {t('ballots.deadline', { deadline: formatDateTime(Date.parse(ballot.deadline), language) })}
      </p>
      <h2>{t('ballots.documents')}</h2>
      <ul data-testid="ballot-documents">
        {documents.map((d) => (
          <li key={d.id}>
            {d.title !== null ? (
              <a href={paperHref(d.id, d.meetingId)}>{d.title}</a>
            ) : (
              <span>{t('ballots.documentNotHere')}</span>
            )}{' '}
            <span className="muted">{t('ballots.version', { version: d.version })}</span>
          </li>
        ))}
      </ul>
      {(opinions.value?.opinions ?? []).length > 0 ? (
        <>
          <h2>{t('ballots.myAnswers')}</h2>
          {(opinions.value?.opinions ?? []).map((o) => (
            <OpinionStatus key={o.id} opinion={o} />
          ))}
        </>
      ) : null}
      {ballot.status === 'closed' ? (
        <p className="notice" role="status" data-testid="ballot-closed">
          {t('ballots.closed.notice', {
            closedAt:
              ballot.closedAt != null ? formatDateTime(Date.parse(ballot.closedAt), language) : '',
          })}
        </p>
      ) : null}
      {asked && ballot.status === 'open' ? (
        <>
          <h2>{t('ballots.answer.title')}</h2>
          <AnswerForm
            ballotId={ballot.id}
            onSigned={() => {
              query.reload();
              opinions.reload();
            }}
          />
        </>
      ) : null}
      {isStaff(user?.role) ? <FollowUpTable ballotId={ballot.id} /> : null}
      {isStaff(user?.role) ? <EvidenceExport ballotId={ballot.id} /> : null}
    </section>
  );
}
