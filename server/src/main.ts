// The server CLI: `npm run server`. Configuration comes from the environment (see
// server/README.md); SIGINT/SIGTERM close it cleanly.
import { configFromEnv } from './config.ts';
import { createLogger, errorFields } from './log.ts';
import { startServer } from './startServer.ts';

const logger = createLogger('server');
try {
  const config = configFromEnv(process.env);
  const server = await startServer({
    ...config,
    logger: createLogger('server', config.logLevel),
    // TEST ONLY (tests/integration/server/serverCrash.test.ts); inert when unset.
    faultPlan: process.env['ECABINET_FAULT'],
  });
  const stop = (signal: string): void => {
    logger.info('stopping', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('stop failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  logger.error('server failed to start', errorFields(error));
  process.exitCode = 1;
}
