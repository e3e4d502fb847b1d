import type { Handlers } from '../../../shared/ipc/dispatch.ts';
import type { FeatureContext } from '../features/FeatureContext.ts';
import type { CredentialStore } from './CredentialStore.ts';
import type { OpinionService } from './OpinionService.ts';

export type OpinionChannel =
  | 'certificates:import'
  | 'certificates:get'
  | 'ballots:list'
  | 'ballots:get'
  | 'opinions:sign'
  | 'opinions:list'
  | 'ballots:followUp';

/** The IPC handlers of written opinions (shared/ipc/contract.ts). */
export function opinionHandlers(deps: {
  ctx: FeatureContext;
  credentials: CredentialStore;
  opinions: OpinionService;
}): Pick<Handlers, OpinionChannel> {
  const { ctx, credentials, opinions } = deps;
  return {
    'certificates:import': ({ pkcs12Base64, password }) => {
      ctx.user();
      return credentials.import(new Uint8Array(Buffer.from(pkcs12Base64, 'base64')), password);
    },
    'certificates:get': () => {
      ctx.user();
      return { certificate: credentials.get() };
    },
    'ballots:list': () => ({ ballots: opinions.list() }),
    'ballots:get': ({ ballotId }) => opinions.get(ballotId),
    'opinions:sign': (input) => opinions.sign(input),
    'opinions:list': ({ ballotId }) => ({ ballotId, opinions: opinions.opinions(ballotId) }),
    'ballots:followUp': ({ ballotId }) => opinions.followUp(ballotId),
  };
}
