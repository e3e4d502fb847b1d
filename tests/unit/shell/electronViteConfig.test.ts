import { describe, expect, it } from 'vitest';
import config from '../../../electron.vite.config.ts';

type Section = {
  root?: string;
  build?: {
    outDir?: string;
    externalizeDeps?: boolean;
    rolldownOptions?: {
      input?: Record<string, string>;
      output?: { format?: string; entryFileNames?: string };
    };
  };
};
const sections = config as unknown as { main: Section; preload: Section; renderer: Section };

describe('electron.vite.config.ts', () => {
  it('builds main from electron/main/index.ts into out/main', () => {
    expect(sections.main.build?.rolldownOptions?.input?.['index']).toMatch(
      /electron\/main\/index\.ts$/,
    );
    expect(sections.main.build?.outDir).toMatch(/out\/main$/);
  });

  it('builds the preload as one self-contained CommonJS file (sandboxed preloads cannot load ESM)', () => {
    expect(sections.preload.build?.rolldownOptions?.input?.['index']).toMatch(
      /electron\/preload\/index\.ts$/,
    );
    expect(sections.preload.build?.rolldownOptions?.output).toEqual({
      format: 'cjs',
      entryFileNames: '[name].cjs',
    });
    expect(sections.preload.build?.externalizeDeps).toBe(false);
    expect(sections.preload.build?.outDir).toMatch(/out\/preload$/);
  });

  it('builds the renderer from renderer/index.html into out/renderer', () => {
    expect(sections.renderer.root).toMatch(/renderer$/);
    expect(sections.renderer.build?.rolldownOptions?.input?.['index']).toMatch(
      /renderer\/index\.html$/,
    );
    expect(sections.renderer.build?.outDir).toMatch(/out\/renderer$/);
  });
});
