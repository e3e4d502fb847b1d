/** One occurrence of the find query. */
export interface FindHit {
  /** Position in the hit list. */
  index: number;
  /** 0-based. */
  pageIndex: number;
  /** Range of the page's text (see shared/annotations/pageText.ts). */
  start: number;
  end: number;
  /** The match and some text either side, white space collapsed, for the results list. */
  before: string;
  match: string;
  after: string;
}
