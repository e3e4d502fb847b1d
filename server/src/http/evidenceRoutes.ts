import { idSchema } from '../../../shared/domain/ids.ts';
import { actorOf } from '../auth/authService.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { loadEvidence } from '../opinions/evidence/loadEvidence.ts';
import { ServerError } from '../ServerError.ts';
import { sendJson } from './respond.ts';
import type { Route } from './routes.ts';

/**
 * GET /api/admin/opinion-ballots/:id/evidence (shared/protocol/evidence.ts): what the
 * secretariat's device needs to build a ballot's evidence export. Staff only: a member gets
 * 403 FORBIDDEN (the role check runs before the handler, so it says nothing about the ballot).
 * Every export is recorded in the audit log (who took the evidence of which ballot, and when).
 */
export const EVIDENCE_ROUTE_TABLE: readonly Route[] = [
  {
    methods: ['GET'],
    path: /^\/api\/admin\/opinion-ballots\/([0-9a-fA-F-]{36})\/evidence$/,
    access: 'staff',
    handle: async (call) => {
      const id = idSchema.safeParse(call.params[0]);
      if (!id.success || call.principal === null) throw new ServerError('NOT_FOUND', 'not found');
      const ballotId = id.data.toLowerCase();
      const evidence = await loadEvidence(call.ctx, ballotId);
      await writeTransaction(call.ctx, actorOf(call.principal), (w) => {
        w.audit('opinionBallot.evidenceExport', ballotId, { opinions: evidence.opinions.length });
        return Promise.resolve();
      });
      sendJson(call.res, 200, evidence);
    },
  },
];
