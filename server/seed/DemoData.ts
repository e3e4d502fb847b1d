import type { AgendaItem, Document, Meeting, Participant } from '../../shared/domain/meeting.ts';
import type { User } from '../../shared/domain/user.ts';

/** A demo account: the directory entry plus the password the seed prints for the demo. */
export interface DemoUser {
  user: User;
  password: string;
}

/** One paper of the demo: metadata plus what its PDF says, rendered by `renderPaperPdf`. */
export interface DemoPaper {
  document: Omit<Document, 'updatedAt' | 'currentVersion'>;
  fileName: string;
  /** The paper's text: a heading block and sections of paragraphs, written for the demo. */
  content: PaperContent;
}

export interface PaperContent {
  /** Issuing body line, e.g. "CHÍNH PHỦ" or "BỘ TÀI CHÍNH". */
  issuer: string;
  /** Document number line, e.g. "Số: 123/TTr-BTC". */
  number: string;
  /** Place and date line, e.g. "Hà Nội, ngày 10 tháng 11 năm 2026". */
  placeDate: string;
  /** Document type heading, e.g. "TỜ TRÌNH", "NGHỊ ĐỊNH". */
  kindHeading: string;
  title: string;
  sections: { heading: string; paragraphs: string[] }[];
  signature: { role: string; name: string };
}

export interface DemoMeeting {
  meeting: Omit<Meeting, 'updatedAt'>;
  items: Omit<AgendaItem, 'updatedAt'>[];
  papers: DemoPaper[];
  participants: Participant[];
}

/** Everything the seed writes. Ids are fixed UUIDs so a re-seed is idempotent. */
export interface DemoData {
  users: DemoUser[];
  meetings: DemoMeeting[];
}
