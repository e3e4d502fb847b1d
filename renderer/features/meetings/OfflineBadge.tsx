import { useTranslation } from 'react-i18next';
import type { OfflineSummary } from '../../../shared/domain/offline.ts';
import { formatPercent } from '../../i18n/formatPercent.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { offlineFraction } from './offlineFraction.ts';

/** "Available offline" for one meeting in the list: none, partial with a percentage, or complete. */
export function OfflineBadge({ offline }: { offline: OfflineSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <span
      className={`badge badge--offline-${offline.state}`}
      data-testid="meeting-offline-badge"
      data-state={offline.state}
    >
      {offline.state === 'complete'
        ? t('offline.badge.complete')
        : offline.state === 'partial'
          ? t('offline.badge.partial', {
              percent: formatPercent(offlineFraction(offline), language),
            })
          : t('offline.badge.none')}
    </span>
  );
}
