import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../scripts/lib/projectNode.mjs';

type Messages = { readonly [key: string]: string | Messages };

function load(language: 'en' | 'vi'): Messages {
  return JSON.parse(
    readFileSync(join(repoRoot, 'renderer', 'i18n', `${language}.json`), 'utf8'),
  ) as Messages;
}

const catalogs = { en: load('en'), vi: load('vi') };

/** The UI text for `key` (dotted path) in `language`, from the renderer's own catalogs. */
export function message(language: 'en' | 'vi', key: string): string {
  let node: string | Messages | undefined = catalogs[language];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ${language} message ${key}`);
  return node;
}
