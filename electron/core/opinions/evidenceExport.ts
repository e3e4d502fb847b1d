import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EVIDENCE_STEP_NAMES,
  type EvidenceExportInput,
  type EvidenceExportOutput,
  type EvidenceProgress,
} from '../../../shared/domain/evidenceViews.ts';
import type { User } from '../../../shared/domain/user.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import {
  MANIFEST_PATH,
  REPORT_PATH,
  type EvidenceManifest,
} from '../../../shared/opinions/evidenceManifest.ts';
import { errorBodySchema } from '../../../shared/protocol/auth.ts';
import {
  EVIDENCE_ROUTES,
  evidenceResponseSchema,
  type EvidenceResponse,
} from '../../../shared/protocol/evidence.ts';
import type { FetchLike } from '../session/requestLogin.ts';
import type { SigningCredential } from '../signing/importPkcs12.ts';
import {
  contentDigest,
  entryOf,
  evidenceContent,
  manifestBytes,
  manifestOf,
} from './evidenceFiles.ts';
import { signPdfPades } from './evidencePades.ts';
import { buildReportPdf, type ReportFonts } from './evidenceReportPdf.ts';
import { writeZip } from './evidenceZip.ts';

/**
 * A ballot's evidence export, built on the secretariat's device (the report is signed with the
 * secretariat's key, which never leaves it): fetch what the server holds (staff route), write
 * every opinion's bytes, the trust files and the summary, bind them in the signed report, list
 * them in the manifest, and pack a .zip (docs/evidence-export.md).
 */
export type EvidenceStep = (typeof EVIDENCE_STEP_NAMES)[number];
const EVIDENCE_STEPS: readonly EvidenceStep[] = EVIDENCE_STEP_NAMES;

export interface BuiltEvidence {
  readonly fileName: string;
  readonly zip: Uint8Array;
  readonly manifest: EvidenceManifest;
  readonly opinionCount: number;
}

/** Builds the export from the server's answer (no I/O): tests call this directly. */
export async function buildEvidence(input: {
  data: EvidenceResponse;
  credential: SigningCredential;
  fonts: ReportFonts;
  generatedAt: Date;
  generatedBy: { userId: string; displayName: string };
  onStep?: (step: EvidenceStep) => void;
}): Promise<BuiltEvidence> {
  const { data } = input;
  input.onStep?.('files');
  const content = evidenceContent(data);
  const entries = content.files.map((f) => entryOf(f.name, f.data));
  const contentSha256 = contentDigest(entries);
  input.onStep?.('report');
  const unsigned = await buildReportPdf({
    summary: content.summary,
    contentSha256,
    generatedAt: input.generatedAt,
    generatedBy: input.generatedBy.displayName,
    signerName: input.credential.subject,
    opinionCount: data.opinions.length,
    documentTitles: new Map(data.documentVersions.map((v) => [v.documentId, v.title])),
    fonts: input.fonts,
  });
  input.onStep?.('sign');
  const report = signPdfPades(unsigned, input.credential).bytes;
  const files = [...content.files, { name: REPORT_PATH, data: report }];
  const manifest = manifestOf(
    files,
    {
      ballotId: data.ballot.id,
      generatedAt: input.generatedAt.toISOString(),
      generatedBy: input.generatedBy,
    },
    contentSha256,
  );
  input.onStep?.('write');
  const zip = writeZip(
    [{ name: MANIFEST_PATH, data: manifestBytes(manifest) }, ...files],
    input.generatedAt,
  );
  return {
    fileName: `bang-chung-phieu-${data.ballot.id.slice(0, 8)}-${stamp(input.generatedAt)}.zip`,
    zip,
    manifest,
    opinionCount: data.opinions.length,
  };
}

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');

/** GET the staff evidence route; every failure is a typed IpcError. */
export async function fetchEvidence(
  fetchImpl: FetchLike,
  session: { serverUrl: string; token: string },
  ballotId: string,
): Promise<EvidenceResponse> {
  let response: Response;
  try {
    response = await fetchImpl(`${session.serverUrl}${EVIDENCE_ROUTES.evidence(ballotId)}`, {
      headers: { authorization: `Bearer ${session.token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(60_000),
      redirect: 'error',
    });
  } catch (error) {
    throw new IpcError('SERVER_UNREACHABLE', `evidence request failed: ${String(error)}`);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const code = errorBodySchema.safeParse(json).data?.error.code;
    if (response.status === 403 || code === 'FORBIDDEN')
      throw new IpcError('FORBIDDEN', 'only the secretariat exports evidence');
    if (response.status === 404) throw new IpcError('NOT_FOUND', 'no such ballot on the server');
    if (response.status === 401) throw new IpcError('SESSION_EXPIRED', 'sign in again');
    throw new IpcError('SERVER_UNREACHABLE', `the server answered ${response.status}`);
  }
  const parsed = evidenceResponseSchema.safeParse(json);
  if (!parsed.success)
    throw new IpcError('PROTOCOL_UNSUPPORTED', 'the server answered with an unexpected body');
  return parsed.data;
}

/**
 * Liberation Serif from assets/fonts: beside the sources (tests, browser mode), under the
 * working directory, or in the packaged app's resources.
 */
export async function loadReportFonts(): Promise<ReportFonts> {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    fileURLToPath(new URL('../../../assets/fonts/', import.meta.url)),
    join(process.cwd(), 'assets', 'fonts'),
    ...(resources ? [join(resources, 'assets', 'fonts'), join(resources, 'fonts')] : []),
  ];
  const dir = candidates.find((d) => existsSync(join(d, 'LiberationSerif-Regular.ttf')));
  if (dir === undefined) throw new Error('the report fonts (assets/fonts) are missing');
  const [regular, bold] = await Promise.all(
    ['LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf'].map(
      async (name) => new Uint8Array(await readFile(join(dir, name))),
    ),
  );
  return { regular: regular!, bold: bold! };
}

export interface EvidenceExporterDeps {
  readonly fetch: FetchLike;
  readonly session: () => { serverUrl: string; token: string } | null;
  readonly user: () => User;
  /** Opens the signing credential with the password (NO_CERTIFICATE, PKCS12_*). */
  readonly openCredential: (password: string) => SigningCredential;
  /** Folder of exported files (target `file`). */
  readonly exportDir: string;
  readonly now: () => number;
  readonly onProgress: (progress: EvidenceProgress) => void;
  readonly fonts?: () => Promise<ReportFonts>;
}

/** The `ballots:exportEvidence` operation (secretariat and administrators, online only). */
export async function exportEvidence(
  deps: EvidenceExporterDeps,
  input: EvidenceExportInput,
): Promise<EvidenceExportOutput> {
  const user = deps.user();
  if (user.role === 'member')
    throw new IpcError('FORBIDDEN', 'only the secretariat exports evidence');
  const session = deps.session();
  if (session === null) throw new IpcError('NOT_LOGGED_IN', 'sign in to the server to export');
  const progress = (step: EvidenceStep): void =>
    deps.onProgress({
      ballotId: input.ballotId,
      step,
      done: EVIDENCE_STEPS.indexOf(step),
      total: EVIDENCE_STEPS.length - 1,
    });
  const credential = deps.openCredential(input.password); // a wrong password fails before any I/O
  progress('fetch');
  const data = await fetchEvidence(deps.fetch, session, input.ballotId);
  const built = await buildEvidence({
    data,
    credential,
    fonts: await (deps.fonts ?? loadReportFonts)(),
    generatedAt: new Date(deps.now()),
    generatedBy: { userId: user.id, displayName: user.displayName },
    onStep: progress,
  });
  let path: string | null = null;
  if (input.target === 'file') {
    await mkdir(deps.exportDir, { recursive: true });
    path = join(deps.exportDir, built.fileName);
    const partial = `${path}.partial`;
    await writeFile(partial, built.zip);
    await rename(partial, path); // never a half-written export under the final name
  }
  progress('done');
  return {
    fileName: built.fileName,
    size: built.zip.length,
    sha256: createHash('sha256').update(built.zip).digest('hex'),
    opinions: built.opinionCount,
    path,
    base64: input.target === 'download' ? Buffer.from(built.zip).toString('base64') : null,
  };
}
