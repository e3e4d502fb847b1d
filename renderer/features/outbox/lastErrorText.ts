import type { TFunction } from 'i18next';

/**
 * Why the last push failed, in words: the IPC codes the UI already knows (no answer, app too
 * old), a mutation gap, else the server's code with a generic sentence.
 */
export function lastErrorText(t: TFunction, code: string): string {
  switch (code) {
    case 'SERVER_UNREACHABLE':
    case 'PROTOCOL_UNSUPPORTED':
    case 'RATE_LIMITED':
    case 'SESSION_EXPIRED':
    case 'FORBIDDEN':
      return t(`errors.${code}`);
    case 'MUTATION_GAP':
      return t('outbox.lastErrorCode.MUTATION_GAP');
    default:
      return t('outbox.lastErrorCode.other', { code });
  }
}
