import { useTranslation } from 'react-i18next';
import type { AttendanceView } from '../../../shared/domain/attendanceView.ts';
import type { AgendaItem } from '../../../shared/domain/meeting.ts';
import type { MeetingPositions, VoteView } from '../../../shared/domain/views.ts';
import { useConnectionStore } from '../connection/connectionStore.ts';
import type { AttendanceState } from '../meetings/useAttendance.ts';
import type { MeetingVotesState } from '../votes/useMeetingVotes.ts';
import { CloseVoteButton } from './CloseVoteButton.tsx';
import { ConsentList } from './ConsentList.tsx';
import { OpenVoteForm } from './OpenVoteForm.tsx';
import { PositionsSummary } from './PositionsSummary.tsx';
import { RollCall } from './RollCall.tsx';

/**
 * What the secretariat (and admins) need to run the meeting: the roll call, the consent list,
 * and per agenda item the members' positions, "open a vote" and "close" for its open votes
 * (no new vote in a closed meeting: closing it closed them all). Rendered only for
 * those roles (the server refuses everyone else anyway). Opening and closing need the server.
 */
export function SecretariatPanel({
  items,
  positions,
  votes,
  onOpen,
  onClose,
  attendance,
  onSaveAttendance,
  closed = false,
}: {
  items: readonly AgendaItem[];
  positions: MeetingPositions | null;
  votes: readonly VoteView[];
  onOpen: MeetingVotesState['open'];
  onClose: MeetingVotesState['close'];
  attendance: AttendanceView | null;
  onSaveAttendance: AttendanceState['save'];
  /** The meeting is closed: its roll call is final and no vote opens. */
  closed?: boolean;
}) {
  const { t } = useTranslation();
  const offline = useConnectionStore(
    (state) => state.known && state.connection.state === 'offline',
  );
  const aggregates = new Map(positions?.items.map((item) => [item.agendaItemId, item.aggregate]));

  return (
    <section
      className="panel secretariat"
      aria-labelledby="secretariat-heading"
      data-testid="secretariat-panel"
    >
      <h2 id="secretariat-heading" className="panel__title">
        {t('secretariat.heading')}
      </h2>
      <p className="muted">{t('secretariat.intro')}</p>
      {offline ? (
        <p className="notice" role="status" data-testid="secretariat-offline">
          {t('secretariat.onlineOnly')}
        </p>
      ) : null}
      <RollCall attendance={attendance} closed={closed} onSave={onSaveAttendance} />
      <ConsentList positions={positions} />
      <ol className="secretariat__items">
        {items.map((item) => {
          const open = votes.filter(
            (view) => view.vote.agendaItemId === item.id && view.vote.status === 'open',
          );
          return (
            <li
              key={item.id}
              className="secretariat-item"
              data-testid="secretariat-item"
              data-item-id={item.id}
            >
              <h3 className="secretariat-item__title">
                {t('secretariat.itemTitle', { order: item.position, title: item.title })}
              </h3>
              <PositionsSummary
                agendaItemId={item.id}
                aggregate={aggregates.get(item.id) ?? null}
              />
              {open.length === 0 ? null : (
                <div className="open-votes">
                  <p className="open-votes__title">{t('secretariat.openVotes')}</p>
                  <ul className="open-votes__list">
                    {open.map((view) => (
                      <CloseVoteButton key={view.vote.id} view={view} onClose={onClose} />
                    ))}
                  </ul>
                </div>
              )}
              {closed ? null : <OpenVoteForm agendaItemId={item.id} onOpen={onOpen} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
