import { useTranslation } from 'react-i18next';
import { ballotHref } from '../../app/router/views.ts';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { useBallots } from './useBallots.ts';

/** Written-opinion ballots (phiếu lấy ý kiến) as tasks, nearest deadline first. */
export function BallotsScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useBallots();
  const ballots = query.value?.ballots ?? null;
  return (
    <section className="screen" aria-labelledby="ballots-title" data-testid="ballots-screen">
      <h1 id="ballots-title" className="screen__title">
        {t('ballots.title')}
      </h1>
      {ballots === null ? (
        query.error ? (
          <p className="field__error" role="alert">
            {t(`errors.${query.error}`)}
          </p>
        ) : (
          <p className="muted" role="status">
            {t('ballots.loading')}
          </p>
        )
      ) : ballots.length === 0 ? (
        <p className="muted" data-testid="ballots-empty">
          {t('ballots.empty')}
        </p>
      ) : (
        <ul className="ballot-list">
          {ballots.map(({ ballot, myOpinion }) => (
            <li key={ballot.id} className="ballot-list__item" data-testid="ballot-item">
              <a href={ballotHref(ballot.id)} className="ballot-list__link">
                {ballot.question}
              </a>
              <span className="muted">
                {t('ballots.deadline', {
                  deadline: formatDateTime(Date.parse(ballot.deadline), language),
                })}
              </span>
              <span className="badge" data-testid="ballot-my-state">
                {myOpinion === null
                  ? ballot.status === 'closed'
                    ? t('ballots.task.closed')
                    : t('ballots.task.todo')
                  : t(`ballots.task.${myOpinion.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
