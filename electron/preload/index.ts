import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './createPreloadBridge.ts';

// Sandboxed preload (bundled to out/preload/index.cjs): exposes the contract and nothing else.
contextBridge.exposeInMainWorld(
  'ecabinet',
  createPreloadBridge(ipcRenderer, { host: 'electron', platform: process.platform }),
);
