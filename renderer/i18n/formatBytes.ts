import type { Language } from '../../shared/domain/settings.ts';
import { localeFor } from './localeFor.ts';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
/** Decimal steps (1 kB = 1000 B), as file managers on every platform now show them. */
const STEP = 1000;

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(language: Language, unit: (typeof UNITS)[number]): Intl.NumberFormat {
  const key = `${language}:${unit}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(localeFor(language), {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: unit === 'byte' || unit === 'kilobyte' ? 0 : 1,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A size in bytes for people: "850 byte", "125 kB", "1,3 MB" (vi-VN) / "1.3 MB" (en-GB). */
export function formatBytes(bytes: number, language: Language): string {
  let value = Math.max(0, bytes);
  let index = 0;
  while (value >= STEP && index < UNITS.length - 1) {
    value /= STEP;
    index += 1;
  }
  return formatterFor(language, UNITS[index] ?? 'byte').format(value);
}
