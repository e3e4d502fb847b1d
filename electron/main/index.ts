import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { createLogger } from '../core/log/logger.ts';
import { DEFAULT_SERVER_URL_ENV } from '../core/settings/applyDefaultServerUrl.ts';
import { electronSettingsBackend } from './electronSettingsBackend.ts';
import { startShell } from './startShell.ts';

// Entry of the main process (bundled to out/main/index.js). All logic lives in startShell.
startShell(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell },
  {
    preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
    rendererDir: path.join(import.meta.dirname, '../renderer'),
    devRendererUrl: process.env['ELECTRON_RENDERER_URL'],
    platform: process.platform,
    createSettingsBackend: electronSettingsBackend,
    defaultServerUrl: process.env[DEFAULT_SERVER_URL_ENV],
    log: createLogger('shell'),
  },
);
