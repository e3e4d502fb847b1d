import { useTranslation } from 'react-i18next';
import type { PositionAggregate } from '../../../shared/domain/views.ts';

const ENTRIES = ['noObjection', 'wishToSpeak', 'object', 'noAnswer'] as const;

/** How members stand on one item: counts of each stance and of those who gave none. */
export function PositionsSummary({
  agendaItemId,
  aggregate,
}: {
  agendaItemId: string;
  aggregate: PositionAggregate | null;
}) {
  const { t } = useTranslation();
  if (!aggregate)
    return (
      <p className="muted" data-testid="positions-summary" data-item-id={agendaItemId}>
        {t('secretariat.summary.unavailable')}
      </p>
    );
  return (
    <dl
      className="positions-summary"
      aria-label={t('secretariat.summary.label')}
      data-testid="positions-summary"
      data-item-id={agendaItemId}
      data-no-objection={aggregate.noObjection}
      data-wish-to-speak={aggregate.wishToSpeak}
      data-object={aggregate.object}
      data-no-answer={aggregate.noAnswer}
    >
      {ENTRIES.map((entry) => (
        <div key={entry} className={`positions-summary__entry positions-summary__entry--${entry}`}>
          <dt>{t(`secretariat.summary.${entry}`)}</dt>
          <dd>{aggregate[entry]}</dd>
        </div>
      ))}
    </dl>
  );
}
