import type { DemoData, DemoUser } from './DemoData.ts';
import { assembleMeeting } from './demo/assembleMeeting.ts';
import { dataMarketLaw } from './demo/content/dataMarketLaw.ts';
import { detailedRegulationsReport } from './demo/content/detailedRegulationsReport.ts';
import { disasterRecoveryResolution } from './demo/content/disasterRecoveryResolution.ts';
import { domesticMarketResolution } from './demo/content/domesticMarketResolution.ts';
import { ethnicProgrammeReport } from './demo/content/ethnicProgrammeReport.ts';
import { governmentTasksReport } from './demo/content/governmentTasksReport.ts';
import { disasterLawProposal, lifelongLearningLawProposal } from './demo/content/lawProposals.ts';
import { onlinePublicServicesDecree } from './demo/content/onlinePublicServicesDecree.ts';
import { publicInvestmentReport } from './demo/content/publicInvestmentReport.ts';
import { socialHousingDecree } from './demo/content/socialHousingDecree.ts';
import { socioEconomicReport } from './demo/content/socioEconomicReport.ts';
import { telehealthDecree } from './demo/content/telehealthDecree.ts';
import { demoId } from './demo/demoIds.ts';
import { ROSTER } from './demo/governmentRoster.ts';
import { addDays, hanoiDay, onOrAfterWorkday, previousMonth } from './demo/hanoiTime.ts';
import { itemContext } from './demo/ItemSpec.ts';

/** The password of every demo account; the seed prints it. Demo only, never for real data. */
export const DEMO_PASSWORD = 'ecabinet-demo';

export const GOVERNMENT_SEAT = 'Trụ sở Chính phủ, số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội';

/**
 * The demo data set: a fictional Government (23 members, 2 deputy ministers who may substitute,
 * 2 secretariat accounts, 1 admin) and three meetings:
 * 1. the regular meeting of this month, published, on the first working day at least 3 days
 *    after `now` (so it is always upcoming), 8 agenda items, 14 papers;
 * 2. last month's regular meeting, closed, 4 items, 6 papers;
 * 3. a thematic law-making meeting two weeks after meeting 1, still a draft, invited: the
 *    secretariat only.
 * Ids are fixed (re-seeding upserts the same rows); dates, and the texts that quote them, follow
 * `now`. All dates are Hanoi time (UTC+07:00).
 */
export function buildDemoData(now: Date = new Date()): DemoData {
  const users: DemoUser[] = ROSTER.map((e) => ({
    user: {
      id: demoId('user', e.n),
      username: e.username,
      displayName: e.displayName,
      title: e.title,
      unit: e.unit,
      role: e.role,
    },
    password: DEMO_PASSWORD,
  }));

  const day1 = onOrAfterWorkday(addDays(hanoiDay(now), 3));
  const ctx1 = itemContext(day1);
  const upcoming = assembleMeeting({
    n: 1,
    title: `Phiên họp Chính phủ thường kỳ tháng ${day1.month}/${day1.year}`,
    kind: 'regular',
    status: 'published',
    day: day1,
    startHour: 8,
    startMinute: 0,
    location: GOVERNMENT_SEAT,
    chairKey: 'pm',
    items: [
      socioEconomicReport(ctx1),
      publicInvestmentReport(ctx1),
      onlinePublicServicesDecree(ctx1),
      dataMarketLaw(ctx1),
      domesticMarketResolution(ctx1),
      disasterRecoveryResolution(ctx1),
      governmentTasksReport(ctx1),
      detailedRegulationsReport(ctx1),
    ],
    invitees: 'government',
    substitutes: ['tt.bng', 'tt.bqp'],
    substitutesMayVote: false,
  });

  const day2 = onOrAfterWorkday({ ...previousMonth(day1), day: 5 });
  const ctx2 = itemContext(day2);
  const past = assembleMeeting({
    n: 2,
    title: `Phiên họp Chính phủ thường kỳ tháng ${day2.month}/${day2.year}`,
    kind: 'regular',
    status: 'closed',
    day: day2,
    startHour: 8,
    startMinute: 0,
    location: GOVERNMENT_SEAT,
    chairKey: 'pm',
    items: [
      socioEconomicReport(ctx2, { variant: 1, number: 745, withResolution: false }),
      socialHousingDecree(ctx2),
      ethnicProgrammeReport(ctx2),
      telehealthDecree(ctx2),
    ],
    invitees: 'government',
    substitutes: ['tt.bng'],
    substitutesMayVote: false,
  });

  const day3 = onOrAfterWorkday(addDays(day1, 14));
  const ctx3 = itemContext(day3);
  const draft = assembleMeeting({
    n: 3,
    title: `Phiên họp Chính phủ chuyên đề về xây dựng pháp luật tháng ${day3.month}/${day3.year}`,
    kind: 'thematic',
    status: 'draft',
    day: day3,
    startHour: 8,
    startMinute: 30,
    location: GOVERNMENT_SEAT,
    chairKey: 'pm',
    items: [disasterLawProposal(ctx3), lifelongLearningLawProposal(ctx3)],
    invitees: 'secretariat',
    substitutes: [],
    substitutesMayVote: false,
  });

  return { users, meetings: [upcoming, past, draft] };
}
