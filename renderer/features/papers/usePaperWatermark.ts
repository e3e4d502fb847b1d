import { useEffect, useState } from 'react';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { invoke } from '../../ipc/invoke.ts';
import type { ReaderWatermark } from '../reader/Reader.tsx';

/**
 * Who is reading, on which device, since when: drawn into every page of the paper (see
 * drawWatermark), so a photo or screenshot of a page says where it came from. From
 * `session:get`; null while unknown or when nobody is signed in (the reader then draws none).
 */
export function usePaperWatermark(): ReaderWatermark | null {
  const language = useLanguage();
  const [openedAt] = useState(() => Date.now());
  const [who, setWho] = useState<{ name: string; unit: string; deviceId: string } | null>(null);

  useEffect(() => {
    let active = true;
    void invoke('session:get', {}).then((result) => {
      if (!active || !result.ok || !result.value.user) return;
      const { user, deviceId } = result.value;
      setWho({ name: user.displayName, unit: user.unit, deviceId });
    });
    return () => {
      active = false;
    };
  }, []);

  if (!who) return null;
  return {
    memberName: who.name,
    unit: who.unit,
    date: formatDateTime(openedAt, language),
    deviceId: who.deviceId,
  };
}
