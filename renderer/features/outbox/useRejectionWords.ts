import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rejection } from '../../../shared/domain/views.ts';
import { isRejectCode, kindKey, rejectionContent } from './rejectionContent.ts';

export interface RejectionWords {
  /** Why the server refused, in plain words ("the vote had closed when …"). */
  reason: (code: string) => string;
  /** What kind of change it was ("New comment", "Vote"). */
  kind: (kind: string) => string;
  /** What the change said, worded ("Wish to speak: note", "For"); '' for a deletion. */
  content: (rejection: Pick<Rejection, 'kind' | 'summary'>) => string;
}

/** Words for refused changes in the current language. Codes never reach the user raw. */
export function useRejectionWords(): RejectionWords {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      reason: (code) =>
        isRejectCode(code) ? t(`rejection.code.${code}`) : t('rejection.code.other', { code }),
      kind: (kind) => t(`rejection.kind.${kindKey(kind)}`),
      content: ({ kind, summary }) => {
        const content = rejectionContent(kind, summary);
        switch (content.kind) {
          case 'stance': {
            const stance = t(`positions.stance.${content.stance}`);
            return content.note === ''
              ? stance
              : t('rejection.stanceWithNote', { stance, note: content.note });
          }
          case 'choice':
            return t(`votes.choice.${content.choice}`);
          case 'text':
            return content.text;
          case 'none':
            return '';
        }
      },
    }),
    [t],
  );
}
