/**
 * Where the packaged UI lives. The renderer is served from `app://ecabinet/…` by the shell's
 * protocol handler; this origin is the only one the IPC sender check and the permission policy
 * trust in production. Pure constants so the core, the shell and the tests agree.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ecabinet';
/** Serialised origin as Chromium reports it for a standard scheme: no trailing slash. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The document the main window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
