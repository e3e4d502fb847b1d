import type { z } from 'zod';
import { idSchema } from '../../../shared/domain/ids.ts';
import {
  bindCertificateRequestSchema,
  createOpinionBallotRequestSchema,
  sendRemindersRequestSchema,
} from '../../../shared/protocol/ballots.ts';
import { actorOf, type Principal } from '../auth/authService.ts';
import {
  ballotStatus,
  bindCertificate,
  closeOpinionBallot,
  createOpinionBallot,
} from '../opinions/ballotService.ts';
import { sendBallotReminders } from '../opinions/reminderService.ts';
import { ServerError } from '../ServerError.ts';
import { readJsonBody } from './readJsonBody.ts';
import { sendJson } from './respond.ts';
import type { Route, RouteCall } from './routes.ts';

/**
 * Written-opinion administration (shared/protocol/ballots.ts): the secretariat creates ballots,
 * reads the follow-up table, reminds members who have not answered and closes ballots; an
 * administrator binds certificates to members. Members get FORBIDDEN on all of them.
 */

function ballotIdOf(call: RouteCall): string {
  const id = idSchema.safeParse(call.params[0]);
  if (!id.success) throw new ServerError('NOT_FOUND', 'not found');
  return id.data.toLowerCase();
}

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
      sendJson(call.res, 200, await ballotStatus(call.ctx, ballotIdOf(call)));
    },
  },
  {
    methods: ['POST'],
    path: /^\/api\/admin\/opinion-ballots\/([0-9a-fA-F-]{36})\/close$/,
    access: 'staff',
    handle: async (call) => {
      await readJsonBody(call.req, call.ctx.config.maxJsonBytes);
      const ballot = await closeOpinionBallot(
        call.ctx,
        actorOf(principalOf(call)),
        ballotIdOf(call),
      );
      sendJson(call.res, 200, { ballot });
    },
  },
  {
    methods: ['POST'],
    path: /^\/api\/admin\/opinion-ballots\/([0-9a-fA-F-]{36})\/reminders$/,
    access: 'staff',
    handle: async (call) => {
      const input = await body(call, sendRemindersRequestSchema);
      const reminders = await sendBallotReminders(
        call.ctx,
        actorOf(principalOf(call)),
        ballotIdOf(call),
        input.memberIds,
      );
      sendJson(call.res, 201, { reminders });
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
