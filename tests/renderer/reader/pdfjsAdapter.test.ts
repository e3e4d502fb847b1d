// The pdf.js adapter against real pdf.js (legacy build, in-process): links and outline come out
// as data, hostile actions stay inert. The worker-side code is the same as in the app.
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { adaptPdfjsPage } from '../../../renderer/pdf/adaptPdfjsPage.ts';
import { linkAction } from '../../../renderer/pdf/linkPolicy.ts';
import { PDFJS_DOCUMENT_OPTIONS } from '../../../renderer/pdf/pdfjsDocumentOptions.ts';
import { readPdfjsOutline } from '../../../renderer/pdf/pdfjsOutline.ts';

async function hostilePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pages = [doc.addPage([595, 842]), doc.addPage([595, 842]), doc.addPage([595, 842])];
  const [, second, third] = pages.map((page) => page.ref) as [PDFRef, PDFRef, PDFRef];
  const { context } = doc;
  const uri = (target: string) => context.obj({ S: 'URI', URI: PDFString.of(target) });
  const link = (y: number, extra: Record<string, unknown>) =>
    context.register(
      context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [72, y, 272, y + 14],
        Border: [0, 0, 0],
        ...extra,
      } as never),
    );
  pages[0]?.node.set(
    PDFName.of('Annots'),
    context.obj([
      link(700, { A: uri('javascript:alert(document.cookie)') }),
      link(680, { A: uri('file:///etc/passwd') }),
      link(660, { A: context.obj({ S: 'Launch', F: PDFString.of('calc.exe') }) }),
      link(640, { A: context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }) }),
      link(620, { A: uri('https://chinhphu.vn/van-ban') }),
      link(600, { Dest: [third, PDFName.of('XYZ'), 0, 500, 0] }),
    ]),
  );
  // Outline: a chapter with an article, a web address and a script.
  const outlines = context.nextRef();
  const [chapter, article, web, script] = [
    context.nextRef(),
    context.nextRef(),
    context.nextRef(),
    context.nextRef(),
  ];
  const entry = (title: string, rest: Record<string, unknown>) =>
    context.obj({ Title: PDFHexString.fromText(title), ...rest } as never);
  context.assign(
    chapter,
    entry('Chương I', {
      Parent: outlines,
      Next: web,
      First: article,
      Last: article,
      Count: 1,
      Dest: [second, PDFName.of('Fit')],
    }),
  );
  context.assign(
    article,
    entry('Điều 1', { Parent: chapter, Dest: [third, PDFName.of('XYZ'), 0, 500, 0] }),
  );
  context.assign(
    web,
    entry('Cổng thông tin', {
      Parent: outlines,
      Prev: chapter,
      Next: script,
      A: uri('https://chinhphu.vn'),
    }),
  );
  context.assign(
    script,
    entry('Script', {
      Parent: outlines,
      Prev: web,
      A: context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
    }),
  );
  context.assign(
    outlines,
    context.obj({ Type: 'Outlines', First: chapter, Last: script, Count: 3 }),
  );
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  return doc.save();
}

describe('pdf.js adapter', () => {
  it('reads links and the outline as data; only internal and https targets survive the policy', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ ...PDFJS_DOCUMENT_OPTIONS, data: await hostilePdf() });
    try {
      const proxy = await task.promise;
      const page = adaptPdfjsPage(pdfjs, proxy, await proxy.getPage(1));
      expect(page.geometry).toEqual({ view: [0, 0, 595, 842], rotation: 0, userUnit: 1 });
      const links = (await page.getLinks?.()) ?? [];
      // pdf.js passes hostile targets through as written: the policy is what stops them.
      expect(links.map((l) => l.url)).toEqual(
        expect.arrayContaining(['javascript:alert(document.cookie)', 'file:///etc/passwd']),
      );
      const actions = links.map(linkAction);
      expect(actions.filter((a) => a.kind !== 'inert')).toEqual([
        { kind: 'external', url: 'https://chinhphu.vn/van-ban' },
        { kind: 'internal', destination: { pageIndex: 2, top: 500 } },
      ]);
      // Whatever pdf.js made of the others, none can do anything.
      expect(actions.filter((a) => a.kind === 'inert').length).toBe(links.length - 2);

      const outline = await readPdfjsOutline(proxy);
      expect(outline.map((node) => [node.title, node.destination, node.url])).toEqual([
        ['Chương I', { pageIndex: 1, top: null }, null],
        ['Cổng thông tin', null, 'https://chinhphu.vn'],
        ['Script', null, null],
      ]);
      expect(outline[0]?.children.map((node) => [node.title, node.destination])).toEqual([
        ['Điều 1', { pageIndex: 2, top: 500 }],
      ]);
    } finally {
      await task.destroy();
    }
  }, 30_000);
});
