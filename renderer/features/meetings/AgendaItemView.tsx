import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../shared/domain/offline.ts';
import { displayedDownload, type ProgressOverlay } from './paperDownloads.ts';
import { PaperRow } from './PaperRow.tsx';
import { TimeSlot } from './TimeSlot.tsx';

type AgendaEntry = MeetingDetail['items'][number];

/**
 * One agenda item: position, title, presenting agency, time slot, summary and its papers, then
 * `children` (what members do on it: position, votes, comments).
 */
export function AgendaItemView({
  entry,
  overlay,
  children,
}: {
  entry: AgendaEntry;
  overlay: ProgressOverlay;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { item, papers } = entry;
  const headingId = `agenda-item-${item.id}`;
  return (
    <li className="agenda-item" data-testid="agenda-item" data-item-id={item.id}>
      <div className="agenda-item__head">
        <span className="agenda-item__position" aria-hidden="true">
          {item.position}
        </span>
        <div className="agenda-item__heading">
          <h3 id={headingId} className="agenda-item__title">
            <span className="visually-hidden">
              {t('agenda.itemNumber', { position: item.position })}{' '}
            </span>
            {item.title}
          </h3>
          <p className="agenda-item__meta">
            {item.presenter === '' ? null : (
              <span>
                {t('agenda.presenter')}{' '}
                <span className="agenda-item__presenter">{item.presenter}</span>
              </span>
            )}
            <TimeSlot item={item} />
          </p>
        </div>
      </div>
      {item.summary === '' ? null : <p className="agenda-item__summary">{item.summary}</p>}
      {papers.length === 0 ? (
        <p className="muted agenda-item__no-papers">{t('agenda.noPapers')}</p>
      ) : (
        <ul className="paper-list" aria-label={t('agenda.papers')}>
          {papers.map((paper) => (
            <PaperRow
              key={paper.document.id}
              paper={paper}
              download={displayedDownload(paper, overlay)}
              meetingId={item.meetingId}
            />
          ))}
        </ul>
      )}
      {children}
    </li>
  );
}
