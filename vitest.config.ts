import { defineConfig } from 'vitest/config';

// Two projects: `node` for the core, server, shared and shell (with electron mocked) and
// `jsdom` for renderer components. End-to-end specs run under Playwright, not here.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // electron-store imports `electron` itself; inlining it lets `vi.mock('electron')`
          // reach that import. Externalised, it would load the real package, which tries to
          // download the Electron binary.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
    ],
  },
});
