import { useEffect, useState } from 'react';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { invoke } from '../../ipc/invoke.ts';
import type { ReaderWatermark } from '../reader/Reader.tsx';

export type PaperWatermark =
  | { kind: 'pending' }
  | { kind: 'ready'; watermark: ReaderWatermark }
  | { kind: 'error'; code: IpcErrorCode };

/**
 * Who is reading, on which device, since when: drawn into every page of the paper (see
 * drawWatermark), so a photo or screenshot of a page says where it came from. From
 * `session:get`. Fails closed: the paper screen shows no page until this is `ready`, and says
 * why when it cannot be had (nobody signed in: NOT_LOGGED_IN; the host's own error otherwise).
 */
export function usePaperWatermark(): PaperWatermark {
  const language = useLanguage();
  const [openedAt] = useState(() => Date.now());
  const [who, setWho] = useState<
    | { kind: 'pending' }
    | { kind: 'ready'; name: string; unit: string; deviceId: string }
    | { kind: 'error'; code: IpcErrorCode }
  >({ kind: 'pending' });

  useEffect(() => {
    let active = true;
    void invoke('session:get', {}).then((result) => {
      if (!active) return;
      if (!result.ok) return setWho({ kind: 'error', code: result.error.code });
      const { user, deviceId } = result.value;
      if (!user) return setWho({ kind: 'error', code: 'NOT_LOGGED_IN' });
      setWho({ kind: 'ready', name: user.displayName, unit: user.unit, deviceId });
    });
    return () => {
      active = false;
    };
  }, []);

  if (who.kind !== 'ready') return who;
  return {
    kind: 'ready',
    watermark: {
      memberName: who.name,
      unit: who.unit,
      date: formatDateTime(openedAt, language),
      deviceId: who.deviceId,
    },
  };
}
