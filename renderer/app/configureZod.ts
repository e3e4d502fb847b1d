import { z } from 'zod';

/**
 * zod 4 probes `new Function('')` to decide whether to compile fast parsers. Under our CSP
 * (script-src 'self', no 'unsafe-eval') the probe fails harmlessly but Chromium still reports a
 * CSP violation. `jitless` skips the probe and the compiled path. Imported first by main.tsx,
 * before any schema parses anything.
 */
z.config({ jitless: true });
