import { users } from './db/schema.ts';
import type { ServerContext } from './ServerContext.ts';

/**
 * `seedDemo: true` (used by `npm start`): writes the demo data when the database has no user
 * yet. With a TRUST_DIR holding a dev PKI (`npm start` makes one), it also binds the demo
 * members' dev certificates and opens the demo ballot, at every start (idempotent: it only adds
 * what is missing). The seed modules are loaded only then, so a production server never loads
 * them.
 */
export async function seedDemoOnFirstStart(ctx: ServerContext): Promise<void> {
  const existing = await ctx.db.select({ id: users.id }).from(users).limit(1);
  const [{ buildDemoData }] = await Promise.all([import('../seed/buildDemoData.ts')]);
  const data = buildDemoData();
  if (existing.length === 0) {
    const [{ seedDatabase }, { renderPaperPdf }] = await Promise.all([
      import('../seed/seedDatabase.ts'),
      import('../seed/pdf/renderPaperPdf.ts'),
    ]);
    const report = await seedDatabase(ctx, data, (paper) => renderPaperPdf(paper));
    ctx.logger.info('demo data seeded', {
      users: report.usersCreated,
      meetings: report.meetingsCreated,
      versions: report.versionsCreated,
    });
  }
  if (ctx.config.trustDir === undefined) return;
  const { seedDemoSigning } = await import('../seed/seedDemoSigning.ts');
  const signing = await seedDemoSigning(ctx, data, ctx.config.trustDir);
  if (signing !== null)
    ctx.logger.info('demo signing ready', {
      bound: signing.bound,
      ballotCreated: signing.ballotCreated,
    });
}
