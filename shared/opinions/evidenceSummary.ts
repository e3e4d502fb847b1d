import type { OpinionBallot } from '../domain/opinionBallot.ts';
import type { MemberOpinionStatus } from '../protocol/ballots.ts';
import { ballotResult } from './ballotResult.ts';
import type { BallotResult } from './ballotResultSchema.ts';
import type { OpinionChoice, OpinionDocument, OpinionPayload } from './payload.ts';

/**
 * The summary table of a written-opinion ballot (bảng tổng hợp ý kiến) as the evidence export
 * carries it (summary.json, and the signed report PDF). Pure and deterministic: the device that
 * builds an export and the offline checker (`npm run verify`) compute it with this one function
 * from the exported opinions, and compare the canonical JSON.
 *
 * Counted: for each member asked, their current opinion = verified and not superseded; its
 * choice and exceptions are read from the SIGNED payload, not from any server column. A member
 * without one is "not answering" (never agreeing); a member whose latest word was refused is
 * "rejected". The result is `ballotResult` under the ballot's rule set (shared/rules).
 */
export const EVIDENCE_SUMMARY_FORMAT = 'ecabinet.evidence-summary/v1';

/** One received opinion, as the summary needs it. */
export interface SummaryOpinionInput {
  readonly id: string;
  readonly memberId: string;
  readonly status: 'verified' | 'rejected';
  readonly supersededBy: string | null;
  /** ISO instant: the server's receive time. */
  readonly receivedAt: string;
  /** The parsed signed payload; null when it did not parse (only possible when rejected). */
  readonly payload: OpinionPayload | null;
}

export interface SummaryMemberRow {
  readonly memberId: string;
  readonly displayName: string;
  readonly state: 'verified' | 'rejected' | 'not_answered';
  readonly choice: OpinionChoice | null;
  /** The current verified opinion, or the latest rejected one; null when not answered. */
  readonly opinionId: string | null;
  readonly receivedAt: string | null;
  readonly text: string;
}

export interface SummaryExceptionEntry {
  readonly memberId: string;
  readonly displayName: string;
  readonly choice: OpinionChoice;
  readonly article: string;
  readonly note: string;
}

export interface SummaryArticleGroup {
  /** The article as first written (whitespace collapsed), e.g. "Điều 5". */
  readonly article: string;
  readonly entries: readonly SummaryExceptionEntry[];
}

export interface EvidenceSummary {
  readonly format: typeof EVIDENCE_SUMMARY_FORMAT;
  readonly ballot: {
    readonly id: string;
    readonly question: string;
    readonly deadline: string;
    readonly ruleSetId: string;
    readonly documents: readonly OpinionDocument[];
  };
  readonly result: BallotResult;
  readonly members: readonly SummaryMemberRow[];
  readonly exceptionsByArticle: readonly SummaryArticleGroup[];
}

const collapse = (s: string): string => s.normalize('NFC').trim().replace(/\s+/gu, ' ');
const byName = (a: { displayName: string; memberId: string }, b: typeof a): number =>
  a.displayName.localeCompare(b.displayName, 'vi') || a.memberId.localeCompare(b.memberId);

export function computeEvidenceSummary(
  ballot: OpinionBallot,
  members: readonly { readonly id: string; readonly displayName: string }[],
  opinions: readonly SummaryOpinionInput[],
): EvidenceSummary {
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  const rows: SummaryMemberRow[] = [];
  const statuses: MemberOpinionStatus[] = [];
  const exceptions: SummaryExceptionEntry[] = [];
  for (const memberId of ballot.eligibleMemberIds) {
    const displayName = names.get(memberId) ?? memberId;
    const mine = opinions.filter((o) => o.memberId === memberId);
    const current = mine.find(
      (o) => o.status === 'verified' && o.supersededBy === null && o.payload !== null,
    );
    const refused = mine
      .filter((o) => o.status === 'rejected')
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id))[0];
    const shown = current ?? refused;
    const choice = current?.payload?.choice ?? null;
    const state = current ? 'verified' : refused ? 'rejected' : 'not_answered';
    rows.push({
      memberId,
      displayName,
      state,
      choice,
      opinionId: shown?.id ?? null,
      receivedAt: shown?.receivedAt ?? null,
      text: current?.payload?.text ?? '',
    });
    statuses.push({ memberId, displayName, state, choice, opinion: null });
    if (current?.payload)
      for (const e of current.payload.exceptions)
        exceptions.push({
          memberId,
          displayName,
          choice: current.payload.choice,
          article: collapse(e.article),
          note: e.note,
        });
  }
  rows.sort(byName);

  const groups = new Map<string, { article: string; entries: SummaryExceptionEntry[] }>();
  for (const e of exceptions) {
    const key = e.article.toLocaleLowerCase('vi');
    const group = groups.get(key) ?? { article: e.article, entries: [] };
    group.entries.push(e);
    groups.set(key, group);
  }
  const exceptionsByArticle = [...groups.values()]
    .sort((a, b) => a.article.localeCompare(b.article, 'vi', { numeric: true }))
    .map((g) => ({
      article: g.article,
      entries: g.entries.sort((a, b) => byName(a, b) || a.note.localeCompare(b.note, 'vi')),
    }));

  return {
    format: EVIDENCE_SUMMARY_FORMAT,
    ballot: {
      id: ballot.id,
      question: ballot.question,
      deadline: ballot.deadline,
      ruleSetId: ballot.ruleSetId,
      documents: ballot.documents.map((d) => ({ id: d.id, version: d.version, sha256: d.sha256 })),
    },
    result: ballotResult(ballot, statuses),
    members: rows,
    exceptionsByArticle,
  };
}
