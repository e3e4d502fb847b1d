import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { idSchema } from '../../../shared/domain/ids.ts';
import {
  createDocumentRequestSchema,
  createMeetingRequestSchema,
  createUserRequestSchema,
  revokeTokensRequestSchema,
  setAgendaRequestSchema,
  setAttendanceRequestSchema,
  setParticipantsRequestSchema,
  updateDocumentRequestSchema,
  updateMeetingRequestSchema,
} from '../../../shared/protocol/admin.ts';
import { loginRequestSchema } from '../../../shared/protocol/auth.ts';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../../../shared/protocol/version.ts';
import { actorOf, login, logout, revokeTokens, type Principal } from '../auth/authService.ts';
import { setAgenda } from '../meetings/agendaService.ts';
import { setAttendance } from '../meetings/attendanceService.ts';
import { createDocument, deleteDocument, updateDocument } from '../meetings/documentService.ts';
import {
  changeMeetingStatus,
  createMeeting,
  updateMeeting,
  type StatusTransition,
} from '../meetings/meetingService.ts';
import { setParticipants } from '../meetings/participantService.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { createUser } from '../users/userService.ts';
import { BALLOT_ROUTE_TABLE } from './ballotRoutes.ts';
import { EVIDENCE_ROUTE_TABLE } from './evidenceRoutes.ts';
import { readJsonBody } from './readJsonBody.ts';
import { sendJson, sendNoContent } from './respond.ts';
import { serveBlob } from './serveBlob.ts';
import { uploadVersion } from './uploadVersion.ts';

/** Who may call a route: anyone, any logged-in user, secretariat or admin, admin only. */
export type Access = 'public' | 'user' | 'staff' | 'admin';

export interface RouteCall {
  ctx: ServerContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path captures, in order. */
  params: string[];
  /** Set for every route whose access is not `public`. */
  principal: Principal | null;
  address: string;
}

export interface Route {
  methods: readonly string[];
  path: RegExp;
  access: Access;
  handle(call: RouteCall): Promise<void>;
}

const UUID = '([0-9a-fA-F-]{36})';

/** A path capture that must be an id; anything else is NOT_FOUND like a missing record. */
function idParam(call: RouteCall, index: number): string {
  const parsed = idSchema.safeParse(call.params[index]);
  if (!parsed.success) throw new ServerError('NOT_FOUND', 'not found');
  return parsed.data.toLowerCase();
}

async function body<S extends z.ZodType>(call: RouteCall, schema: S): Promise<z.output<S>> {
  const raw = await readJsonBody(call.req, call.ctx.config.maxJsonBytes);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where =
      first === undefined || first.path.length === 0 ? '' : ` (${first.path.join('.')})`;
    throw new ServerError('INVALID_INPUT', `${first?.message ?? 'invalid body'}${where}`);
  }
  return parsed.data;
}

function principalOf(call: RouteCall): Principal {
  if (call.principal === null) throw new ServerError('UNAUTHENTICATED', 'log in first');
  return call.principal;
}

const actor = (call: RouteCall) => actorOf(principalOf(call));

function statusRoute(transition: StatusTransition): Route {
  return {
    methods: ['POST'],
    path: new RegExp(`^/api/admin/meetings/${UUID}/${transition}$`),
    access: 'staff',
    handle: async (call) => {
      await readJsonBody(call.req, call.ctx.config.maxJsonBytes);
      sendJson(call.res, 200, {
        meeting: await changeMeetingStatus(call.ctx, actor(call), idParam(call, 0), transition),
      });
    },
  };
}

export const ROUTE_TABLE: readonly Route[] = [
  {
    methods: ['GET'],
    path: /^\/api\/health$/,
    access: 'public',
    handle: (call) => {
      sendJson(call.res, 200, {
        ok: true,
        protocolVersions: [...SUPPORTED_PROTOCOL_VERSIONS],
        serverTime: call.ctx.clock().toISOString(),
      });
      return Promise.resolve();
    },
  },
  {
    methods: ['POST'],
    path: /^\/api\/auth\/login$/,
    access: 'public',
    handle: async (call) => {
      sendJson(
        call.res,
        200,
        await login(call.ctx, await body(call, loginRequestSchema), call.address),
      );
    },
  },
  {
    methods: ['POST'],
    path: /^\/api\/auth\/logout$/,
    access: 'user',
    handle: async (call) => {
      await logout(call.ctx, principalOf(call));
      sendNoContent(call.res);
    },
  },
  {
    methods: ['GET', 'HEAD'],
    path: /^\/api\/blobs\/([^/]+)$/,
    access: 'user',
    handle: (call) =>
      serveBlob(call.ctx, call.req, call.res, principalOf(call), call.params[0] ?? ''),
  },
  {
    methods: ['POST'],
    path: /^\/api\/admin\/users$/,
    access: 'admin',
    handle: async (call) => {
      sendJson(call.res, 201, {
        user: await createUser(call.ctx, actor(call), await body(call, createUserRequestSchema)),
      });
    },
  },
  {
    methods: ['POST'],
    path: /^\/api\/admin\/tokens\/revoke$/,
    access: 'admin',
    handle: async (call) => {
      sendJson(call.res, 200, {
        revoked: await revokeTokens(
          call.ctx,
          actor(call),
          await body(call, revokeTokensRequestSchema),
        ),
      });
    },
  },
  {
    methods: ['POST'],
    path: /^\/api\/admin\/meetings$/,
    access: 'staff',
    handle: async (call) => {
      sendJson(call.res, 201, {
        meeting: await createMeeting(
          call.ctx,
          actor(call),
          await body(call, createMeetingRequestSchema),
        ),
      });
    },
  },
  {
    methods: ['PATCH'],
    path: new RegExp(`^/api/admin/meetings/${UUID}$`),
    access: 'staff',
    handle: async (call) => {
      const patch = await body(call, updateMeetingRequestSchema);
      sendJson(call.res, 200, {
        meeting: await updateMeeting(call.ctx, actor(call), idParam(call, 0), patch),
      });
    },
  },
  {
    methods: ['PUT'],
    path: new RegExp(`^/api/admin/meetings/${UUID}/agenda$`),
    access: 'staff',
    handle: async (call) => {
      const { items } = await body(call, setAgendaRequestSchema);
      sendJson(call.res, 200, {
        items: await setAgenda(call.ctx, actor(call), idParam(call, 0), items),
      });
    },
  },
  {
    methods: ['PUT'],
    path: new RegExp(`^/api/admin/meetings/${UUID}/participants$`),
    access: 'staff',
    handle: async (call) => {
      const { participants } = await body(call, setParticipantsRequestSchema);
      sendJson(call.res, 200, {
        participants: await setParticipants(call.ctx, actor(call), idParam(call, 0), participants),
      });
    },
  },
  {
    methods: ['PUT'],
    path: new RegExp(`^/api/admin/meetings/${UUID}/attendance$`),
    access: 'staff',
    handle: async (call) => {
      const { present } = await body(call, setAttendanceRequestSchema);
      sendJson(call.res, 200, {
        present: await setAttendance(call.ctx, actor(call), idParam(call, 0), present),
      });
    },
  },
  statusRoute('publish'),
  statusRoute('unpublish'),
  statusRoute('close'),
  {
    methods: ['POST'],
    path: new RegExp(`^/api/admin/meetings/${UUID}/documents$`),
    access: 'staff',
    handle: async (call) => {
      const input = await body(call, createDocumentRequestSchema);
      sendJson(call.res, 201, {
        document: await createDocument(call.ctx, actor(call), idParam(call, 0), input),
      });
    },
  },
  {
    methods: ['PATCH'],
    path: new RegExp(`^/api/admin/documents/${UUID}$`),
    access: 'staff',
    handle: async (call) => {
      const patch = await body(call, updateDocumentRequestSchema);
      sendJson(call.res, 200, {
        document: await updateDocument(call.ctx, actor(call), idParam(call, 0), patch),
      });
    },
  },
  {
    methods: ['DELETE'],
    path: new RegExp(`^/api/admin/documents/${UUID}$`),
    access: 'staff',
    handle: async (call) => {
      await deleteDocument(call.ctx, actor(call), idParam(call, 0));
      sendNoContent(call.res);
    },
  },
  {
    methods: ['POST'],
    path: new RegExp(`^/api/admin/documents/${UUID}/versions$`),
    access: 'staff',
    handle: (call) =>
      uploadVersion(call.ctx, call.req, call.res, principalOf(call), idParam(call, 0), call.url),
  },
  ...BALLOT_ROUTE_TABLE,
  ...EVIDENCE_ROUTE_TABLE,
];
