import { describe, expect, it } from 'vitest';
import {
  annotationSchema,
  type Annotation,
  type TextMarkupAnnotation,
} from '../../../shared/annotations/annotationTypes.ts';
import {
  buildPageText,
  rectsForRange,
  type TextRun,
} from '../../../shared/annotations/pageText.ts';
import { roundAnnotationGeometry, roundPt } from '../../../shared/annotations/roundGeometry.ts';
import { toWebAnnotation } from '../../../shared/annotations/toWebAnnotation.ts';

const ID = '0190a3a4-0000-7000-8000-000000000001';
const DOC = '0190a3a4-0000-7000-8000-000000000002';
const SHA = 'ab'.repeat(32);
const AT = '2026-03-01T08:00:00.000Z';

function highlight(overrides: Partial<TextMarkupAnnotation> = {}): TextMarkupAnnotation {
  return {
    id: ID,
    documentId: DOC,
    documentSha256: SHA,
    pageIndex: 2,
    color: '#ffd400',
    comment: '',
    createdAt: AT,
    updatedAt: AT,
    kind: 'highlight',
    rects: [{ x: 72, y: 700, width: 120.5, height: 12 }],
    quote: { exact: 'nghị định', prefix: 'Căn cứ ', suffix: ' số 15' },
    ...overrides,
  };
}

const run = (str: string, x: number, y: number, width: number, hasEOL = false): TextRun => ({
  str,
  transform: [12, 0, 0, 12, x, y],
  width,
  height: 12,
  hasEOL,
});

describe('page text and rectangles', () => {
  const page = buildPageText([
    run('Căn cứ ', 72, 700, 42),
    run('nghị định số 15', 114, 700, 90, true),
    run('Điều 1.', 72, 686, 42),
  ]);

  it('joins runs with a line break after each line', () => {
    expect(page.text).toBe('Căn cứ nghị định số 15\nĐiều 1.');
    expect(page.runStarts).toEqual([0, 7, 23]);
  });

  it('covers a range with one rectangle per line, in PDF points rounded to 0.01', () => {
    const start = page.text.indexOf('cứ nghị');
    const rects = rectsForRange(page, start, start + 'cứ nghị'.length);
    // "cứ " is characters 4–7 of the 7 of the first run (42 pt wide): x = 72 + 24, 18 pt;
    // "nghị" 4 of the 15 of the second (90 pt): 24 pt more, on the same line, so merged.
    expect(rects).toHaveLength(1);
    expect(rects[0]).toEqual({ x: 96, y: 697.6, width: 42, height: 12 });
    const twoLines = rectsForRange(page, page.text.indexOf('15'), page.text.indexOf('1.') + 2);
    expect(twoLines).toHaveLength(2);
    expect(twoLines[1]?.y).toBeLessThan(twoLines[0]?.y ?? 0);
  });

  it('gives the bounding box of rotated text', () => {
    const vertical = buildPageText([
      { str: 'abcd', transform: [0, 10, -10, 0, 100, 100], width: 40, height: 10, hasEOL: false },
    ]);
    const [rect] = rectsForRange(vertical, 0, 2);
    expect(rect).toEqual({ x: 92, y: 100, width: 10, height: 20 });
  });
});

describe('annotation model', () => {
  it('parses every kind and refuses malformed input', () => {
    const note: Annotation = {
      ...highlight(),
      kind: 'note',
      point: { x: 10, y: 20 },
    } as unknown as Annotation;
    const { rects: _r, quote: _q, ...base } = highlight();
    expect(annotationSchema.safeParse(highlight()).success).toBe(true);
    expect(
      annotationSchema.safeParse({ ...base, kind: 'note', point: { x: 1, y: 2 } }).success,
    ).toBe(true);
    expect(
      annotationSchema.safeParse({
        ...base,
        kind: 'ink',
        width: 1.5,
        strokes: [
          [
            { x: 1, y: 2 },
            { x: 3, y: 4 },
          ],
        ],
      }).success,
    ).toBe(true);
    expect(note.kind).toBe('note');
    for (const bad of [
      { ...highlight(), rects: [] },
      { ...highlight(), quote: { exact: '', prefix: '', suffix: '' } },
      { ...highlight(), pageIndex: -1 },
      { ...highlight(), color: 'red' },
      { ...highlight(), rects: [{ x: Number.NaN, y: 0, width: 1, height: 1 }] },
      { ...highlight(), extra: true },
      { ...base, kind: 'ink', width: 0, strokes: [[{ x: 1, y: 2 }]] },
    ])
      expect(annotationSchema.safeParse(bad).success).toBe(false);
  });

  it('rounds geometry to 0.01 pt', () => {
    expect(roundPt(10.004999)).toBe(10);
    expect(roundPt(-0.001)).toBe(0);
    expect(Object.is(roundPt(-0.001), -0)).toBe(false);
    const rounded = roundAnnotationGeometry(
      highlight({ rects: [{ x: 72.12345, y: 700.005, width: 1.111, height: 11.999 }] }),
    );
    expect(rounded.kind === 'highlight' && rounded.rects).toEqual([
      { x: 72.12, y: 700.01, width: 1.11, height: 12 },
    ]);
    const { rects: _r, quote: _q, ...base } = highlight();
    const ink = roundAnnotationGeometry({
      ...base,
      kind: 'ink',
      width: 0.001,
      strokes: [[{ x: 1.234, y: 5.678 }]],
    });
    expect(ink).toMatchObject({ width: 0.01, strokes: [[{ x: 1.23, y: 5.68 }]] });
  });
});

describe('W3C Web Annotation export', () => {
  const context = {
    source: `urn:sha256:${SHA}`,
    pageView: [0, 0, 595, 842] as const,
    creator: { id: 'urn:uuid:member', name: 'Nguyễn Văn A' },
  };

  it('maps a highlight to a TextQuoteSelector and a page FragmentSelector refined by SVG', () => {
    const web = toWebAnnotation(highlight({ comment: 'Cần làm rõ <b>' }), context);
    expect(web).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${ID}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: AT,
      creator: { id: 'urn:uuid:member', name: 'Nguyễn Văn A', type: 'Person' },
      body: { type: 'TextualBody', value: 'Cần làm rõ <b>', purpose: 'commenting' },
      target: { source: `urn:sha256:${SHA}`, styleClass: 'ecabinet-highlight' },
    });
    expect(web.target.selector).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'nghị định',
        prefix: 'Căn cứ ',
        suffix: ' số 15',
      },
      {
        type: 'FragmentSelector',
        conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
        value: 'page=3',
        refinedBy: {
          type: 'SvgSelector',
          // y flipped to the page's top-left: 842 − (700 + 12) = 130.
          value:
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 595 842"><rect x="72" y="130" width="120.5" height="12"/></svg>',
        },
      },
    ]);
    expect(web.stylesheet.value).toContain('#ffd400');
  });

  it('maps notes and ink to SVG shapes, and omits an empty body', () => {
    const { rects: _r, quote: _q, ...base } = highlight();
    const note = toWebAnnotation({ ...base, kind: 'note', point: { x: 100, y: 800 } }, context);
    expect(note.motivation).toBe('commenting');
    expect(note.body).toBeUndefined();
    expect(note.target.selector).toHaveLength(1);
    expect(JSON.stringify(note.target.selector)).toContain(
      '<circle cx=\\"100\\" cy=\\"42\\" r=\\"0\\"/>',
    );
    const ink = toWebAnnotation(
      {
        ...base,
        kind: 'ink',
        width: 2,
        strokes: [
          [
            { x: 10, y: 832 },
            { x: 20.5, y: 822 },
          ],
        ],
      },
      { ...context, pageView: [0, 0, 595, 842] },
    );
    expect(JSON.stringify(ink)).toContain('points=\\"10,10 20.5,20\\"');
  });
});
