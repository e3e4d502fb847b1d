import type {
  PdfDocument,
  PdfLoader,
  PdfPage,
  PdfRenderTask,
} from '../../renderer/pdf/pdfTypes.ts';

export interface FakePdfOptions {
  numPages?: number;
  /** Rejects the load with this (e.g. `{ name: 'InvalidPDFException' }`). */
  failWith?: unknown;
  /** The load never settles (a hung parse). */
  hang?: boolean;
  /** Pages whose render never settles until cancelled (1-based). */
  hangingPages?: number[];
  /** Pages whose render rejects with this. */
  failingPages?: Record<number, unknown>;
}

export interface FakePdf {
  loader: PdfLoader;
  /** Bytes each load received. */
  readonly loads: Uint8Array[];
  readonly destroyed: { count: number };
  /** Page numbers drawn, in order, and the canvas size each was drawn at. */
  readonly renders: Array<{ page: number; width: number; height: number; scale: number }>;
  readonly cancelled: number[];
}

/** A4 portrait in PDF points. */
const A4 = { width: 595, height: 842 };

/** A PDF engine stand-in: jsdom has no canvas and no worker, so the viewer's logic runs against this. */
export function createFakePdf(options: FakePdfOptions = {}): FakePdf {
  const fake: FakePdf = {
    loads: [],
    destroyed: { count: 0 },
    renders: [],
    cancelled: [],
    loader: (data) => {
      fake.loads.push(data);
      const promise = new Promise<PdfDocument>((resolve, reject) => {
        if (options.hang) return;
        if (options.failWith !== undefined) {
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- pdf.js rejects with plain { name, message } objects from its worker; the fake does the same
          reject(options.failWith);
          return;
        }
        resolve(document);
      });
      return {
        promise,
        destroy: () => {
          fake.destroyed.count += 1;
          return Promise.resolve();
        },
      };
    },
  };

  function page(pageNumber: number): PdfPage {
    return {
      size: (scale) => ({ width: A4.width * scale, height: A4.height * scale }),
      render(canvas, scale): PdfRenderTask {
        let rejectTask: (error: unknown) => void = () => {};
        const promise = new Promise<void>((resolve, reject) => {
          rejectTask = reject;
          if (options.hangingPages?.includes(pageNumber)) return;
          const failure = options.failingPages?.[pageNumber];
          if (failure !== undefined) {
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as above: pdf.js-shaped rejections
            reject(failure);
            return;
          }
          fake.renders.push({
            page: pageNumber,
            width: canvas.width,
            height: canvas.height,
            scale,
          });
          resolve();
        });
        return {
          promise,
          cancel: () => {
            fake.cancelled.push(pageNumber);
            rejectTask({ name: 'RenderingCancelledException' });
          },
        };
      },
      release: () => {},
    };
  }

  const document: PdfDocument = {
    numPages: options.numPages ?? 5,
    getPage: (pageNumber) => Promise.resolve(page(pageNumber)),
  };
  return fake;
}
