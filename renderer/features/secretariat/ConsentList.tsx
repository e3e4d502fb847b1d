import { useTranslation } from 'react-i18next';
import type { MeetingPositions } from '../../../shared/domain/views.ts';

/**
 * The consent list (domain.md workflow 2): items nobody objects to and nobody wishes to speak
 * on, in agenda order, adopted without debate. Silence counts as consent, so each item says
 * how many members have not answered.
 */
export function ConsentList({ positions }: { positions: MeetingPositions | null }) {
  const { t } = useTranslation();
  const items = new Map(positions?.items.map((item) => [item.agendaItemId, item]));
  const consent = positions?.consent ?? null;
  return (
    <section className="consent" aria-labelledby="consent-heading" data-testid="consent-list">
      <h3 id="consent-heading" className="consent__title">
        {t('secretariat.consent.heading')}
      </h3>
      <p className="muted">{t('secretariat.consent.hint')}</p>
      {!positions ? (
        <p className="muted" role="status">
          {t('secretariat.loading')}
        </p>
      ) : consent === null ? (
        <p className="muted">{t('secretariat.consent.unavailable')}</p>
      ) : consent.length === 0 ? (
        <p className="muted" data-testid="consent-empty">
          {t('secretariat.consent.empty')}
        </p>
      ) : (
        <ul className="consent__list">
          {consent.map((agendaItemId) => {
            const item = items.get(agendaItemId);
            const noAnswer = item?.aggregate?.noAnswer ?? 0;
            return (
              <li key={agendaItemId} className="consent__item" data-item-id={agendaItemId}>
                <span className="consent__order">
                  {item
                    ? t('secretariat.itemTitle', { order: item.order, title: item.title })
                    : null}
                </span>
                {noAnswer > 0 ? (
                  <span className="muted">
                    {' '}
                    {t('secretariat.consent.noAnswer', { count: noAnswer })}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
