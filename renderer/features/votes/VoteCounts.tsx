import { useTranslation } from 'react-i18next';
import { VOTE_CHOICES, type Vote } from '../../../shared/domain/vote.ts';

/**
 * The counts of a vote: live while open (ballots the server has counted; a ballot still on
 * its way is not in them), final once closed, with who did not vote.
 */
export function VoteCounts({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const open = vote.status === 'open';
  return (
    <div className="vote-counts">
      <p className="vote-counts__label">{open ? t('votes.countsLive') : t('votes.countsFinal')}</p>
      <dl
        className="vote-counts__list"
        data-testid="vote-counts"
        data-for={vote.counts.for}
        data-against={vote.counts.against}
        data-abstain={vote.counts.abstain}
      >
        {VOTE_CHOICES.map((choice) => (
          <div key={choice} className={`vote-counts__entry vote-counts__entry--${choice}`}>
            <dt>{t(`votes.choice.${choice}`)}</dt>
            <dd>{vote.counts[choice]}</dd>
          </div>
        ))}
        {vote.result ? (
          <div className="vote-counts__entry">
            <dt>{t('votes.notVoted')}</dt>
            <dd>{vote.result.notVoted}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
