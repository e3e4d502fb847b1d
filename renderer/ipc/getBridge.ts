import type { EcabinetBridge } from '../../shared/ipc/bridge.ts';
import { createWebBridge, webBridgeParamsFromLocation } from './webBridge.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode until the web bridge connects. */
    readonly ecabinet?: EcabinetBridge;
  }
}

let cached: EcabinetBridge | null = null;

/**
 * The host bridge: the preload's `window.ecabinet` under Electron, otherwise the browser-mode
 * WebSocket bridge (development and evaluation mode). Only `renderer/ipc/` calls this.
 */
export function getBridge(): EcabinetBridge {
  if (cached) return cached;
  if (window.ecabinet) {
    cached = window.ecabinet;
    return cached;
  }
  const params = webBridgeParamsFromLocation(window.location);
  if (!params) throw new Error('no host bridge: not running under Electron or the browser-mode host');
  cached = createWebBridge(params);
  return cached;
}

/** Tests install a fake bridge through this. */
export function setBridgeForTests(bridge: EcabinetBridge | null): void {
  cached = bridge;
}
