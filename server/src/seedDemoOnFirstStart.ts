import { users } from './db/schema.ts';
import type { ServerContext } from './ServerContext.ts';

/**
 * `seedDemo: true` (used by `npm start`): writes the demo data when the database has no user
 * yet. The seed modules are loaded only then, so a production server never loads them.
 */
export async function seedDemoOnFirstStart(ctx: ServerContext): Promise<void> {
  const existing = await ctx.db.select({ id: users.id }).from(users).limit(1);
  if (existing.length > 0) return;
  const [{ seedDatabase }, { buildDemoData }, { renderPaperPdf }] = await Promise.all([
    import('../seed/seedDatabase.ts'),
    import('../seed/buildDemoData.ts'),
    import('../seed/pdf/renderPaperPdf.ts'),
  ]);
  const report = await seedDatabase(ctx, buildDemoData(), (paper) => renderPaperPdf(paper));
  ctx.logger.info('demo data seeded', {
    users: report.usersCreated,
    meetings: report.meetingsCreated,
    versions: report.versionsCreated,
  });
}
