import type { z } from 'zod';
import { idSchema } from '../../../shared/domain/ids.ts';
import {
  bindCertificateRequestSchema,
  createOpinionBallotRequestSchema,
} from '../../../shared/protocol/ballots.ts';
import { actorOf, type Principal } from '../auth/authService.ts';
import { ballotStatus, bindCertificate, createOpinionBallot } from '../opinions/ballotService.ts';
import { ServerError } from '../ServerError.ts';
import { readJsonBody } from './readJsonBody.ts';
import { sendJson } from './respond.ts';
import type { Route, RouteCall } from './routes.ts';

/**
 * Written-opinion administration (shared/protocol/ballots.ts): the secretariat creates ballots
 * and reads the follow-up table; an administrator binds certificates to members.
 */

async function body<S extends z.ZodType>(call: RouteCall, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJsonBody(call.req, call.ctx.config.maxJsonBytes));
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first === undefined || first.path.length === 0 ? '' : ` (${first.path.join('.')})`;
  throw new ServerError('INVALID_INPUT', `${first?.message ?? 'invalid body'}${where}`);
}

function principalOf(call: RouteCall): Principal {
  if (call.principal === null) throw new ServerError('UNAUTHENTICATED', 'log in first');
  return call.principal;
}

export const BALLOT_ROUTE_TABLE: readonly Route[] = [
  {
    methods: ['POST'],
    path: /^\/api\/admin\/opinion-ballots$/,
    access: 'staff',
    handle: async (call) => {
      const input = await body(call, createOpinionBallotRequestSchema);
      const ballot = await createOpinionBallot(call.ctx, actorOf(principalOf(call)), input);
      sendJson(call.res, 201, { ballot });
    },
  },
  {
    methods: ['GET'],
    path: /^\/api\/admin\/opinion-ballots\/([0-9a-fA-F-]{36})\/status$/,
    access: 'staff',
    handle: async (call) => {
      const id = idSchema.safeParse(call.params[0]);
      if (!id.success) throw new ServerError('NOT_FOUND', 'not found');
      sendJson(call.res, 200, await ballotStatus(call.ctx, id.data.toLowerCase()));
    },
  },
  {
    methods: ['POST'],
    path: /^\/api\/admin\/certificates$/,
    access: 'admin',
    handle: async (call) => {
      const input = await body(call, bindCertificateRequestSchema);
      const bytes = new Uint8Array(Buffer.from(input.certificateBase64, 'base64'));
      const binding = await bindCertificate(
        call.ctx,
        actorOf(principalOf(call)),
        input.userId,
        bytes,
      );
      sendJson(call.res, 201, { binding });
    },
  },
];
