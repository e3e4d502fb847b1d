import type { Comment } from '../../shared/domain/comment.ts';
import type { Vote } from '../../shared/domain/vote.ts';
import type {
  CommentView,
  ItemPositionView,
  MeetingPositions,
  Rejection,
  VoteView,
} from '../../shared/domain/views.ts';
import type { MeetingDetail } from '../../shared/domain/offline.ts';
import { CHAIR, uuid } from './fixtures.ts';

const STAMP = '2026-11-01T08:00:00.000Z';

/** A comment by the chair (not mine) on `agendaItemId`, synced. */
export function commentView(
  n: number,
  meetingId: string,
  agendaItemId: string,
  overrides: { comment?: Partial<Comment> } & Partial<Omit<CommentView, 'comment'>> = {},
): CommentView {
  const { comment, ...rest } = overrides;
  return {
    comment: {
      id: uuid(n),
      meetingId,
      agendaItemId,
      parentId: null,
      authorId: CHAIR.id,
      body: `Góp ý số ${n}`,
      createdAt: STAMP,
      editedAt: null,
      deletedAt: null,
      ...comment,
    },
    depth: 0,
    authorName: CHAIR.displayName,
    mine: false,
    pending: false,
    rejection: null,
    ...rest,
  };
}

/** A refused change as the core lists it. */
export function rejection(mutationId: number, overrides: Partial<Rejection> = {}): Rejection {
  return {
    mutationId,
    kind: 'vote.cast',
    summary: 'for',
    code: 'VOTING_CLOSED',
    message: 'vote closed at 09:30:00',
    clientTime: Date.UTC(2026, 10, 21, 9, 31),
    rejectedAt: Date.UTC(2026, 10, 21, 9, 40),
    meetingId: null,
    ...overrides,
  };
}

/** An open vote on `agendaItemId` with no ballots, in which I may vote. */
export function voteView(
  n: number,
  meetingId: string,
  agendaItemId: string,
  overrides: { vote?: Partial<Vote> } & Partial<Omit<VoteView, 'vote'>> = {},
): VoteView {
  const { vote, ...rest } = overrides;
  return {
    vote: {
      id: uuid(n),
      meetingId,
      agendaItemId,
      question: `Biểu quyết thông qua nội dung số ${n}`,
      ruleSetId: 'cabinet',
      status: 'open',
      openedAt: STAMP,
      closedAt: null,
      counts: { for: 0, against: 0, abstain: 0 },
      result: null,
      ...vote,
    },
    agendaItemTitle: null,
    myBallot: null,
    rejection: null,
    rejectedChoice: null,
    mayVote: true,
    ...rest,
  };
}

/** `positions:get` for a detail: no positions; `started` and per-item overrides as given. */
export function meetingPositions(
  detail: MeetingDetail,
  overrides: {
    started?: boolean;
    consent?: string[] | null;
    items?: Record<string, Partial<ItemPositionView>>;
  } = {},
): MeetingPositions {
  return {
    meetingId: detail.meeting.id,
    started: overrides.started ?? false,
    items: detail.items.map(({ item }) => ({
      agendaItemId: item.id,
      order: item.position,
      title: item.title,
      mine: null,
      pending: false,
      rejection: null,
      aggregate: null,
      ...overrides.items?.[item.id],
    })),
    consent: overrides.consent ?? null,
  };
}
