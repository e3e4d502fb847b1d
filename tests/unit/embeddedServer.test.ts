import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../scripts/lib/embeddedServer.mjs';
import { DEMO_PASSWORD as SEED_PASSWORD } from '../../server/seed/buildDemoData.ts';
import { ROSTER } from '../../server/seed/demo/governmentRoster.ts';
import { buildDemoData } from '../../server/seed/buildDemoData.ts';

// `npm start` prints these logins; they must be what the seed writes.
describe('npm start demo logins', () => {
  it('use the seed password', () => {
    expect(DEMO_PASSWORD).toBe(SEED_PASSWORD);
  });

  it.each(DEMO_LOGINS)('$username exists in the roster with role $role', (login) => {
    expect(ROSTER.find((entry) => entry.username === login.username)?.role).toBe(login.role);
  });

  it('the member is invited to the published meeting and not to the draft', () => {
    const member = DEMO_LOGINS.find((login) => login.role === 'member');
    const user = buildDemoData().users.find((u) => u.user.username === member?.username);
    expect(user).toBeDefined();
    const invitedTo = (status: string) =>
      buildDemoData()
        .meetings.filter((m) => m.meeting.status === status)
        .some((m) => m.participants.some((p) => p.userId === user?.user.id));
    expect(invitedTo('published')).toBe(true);
    expect(invitedTo('draft')).toBe(false);
  });
});
