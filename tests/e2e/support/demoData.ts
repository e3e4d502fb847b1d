import { buildDemoData, DEMO_PASSWORD } from '../../../server/seed/buildDemoData.ts';
import type { DemoMeeting } from '../../../server/seed/DemoData.ts';

/**
 * What the seeded demo server holds (server/seed/buildDemoData.ts): ids, titles and counts do
 * not depend on the day; titles quote the month, so tests compare them with the template seeded
 * the same day.
 */
const data = buildDemoData();

function meetingWithStatus(status: DemoMeeting['meeting']['status']): DemoMeeting {
  const found = data.meetings.find((m) => m.meeting.status === status);
  if (!found) throw new Error(`the demo data has no ${status} meeting`);
  return found;
}

function account(username: string): { username: string; password: string; displayName: string } {
  const found = data.users.find((u) => u.user.username === username);
  if (!found) throw new Error(`the demo data has no account ${username}`);
  return { username, password: DEMO_PASSWORD, displayName: found.user.displayName };
}

export const demo = {
  /** This month's regular meeting: published, upcoming, the member takes part. */
  published: meetingWithStatus('published'),
  /** Last month's: closed, the member took part. */
  closed: meetingWithStatus('closed'),
  /** Next thematic meeting: a draft, visible to the secretariat only. */
  draft: meetingWithStatus('draft'),
  /** The Minister of Finance: a member. */
  member: account('bt.taichinh'),
  /** The meeting secretary of the Government Office. */
  secretariat: account('vpcp.thuky'),
};
