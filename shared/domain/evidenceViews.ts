import { z } from 'zod';
import { idSchema, sha256Schema } from './ids.ts';

/**
 * IPC shapes of the evidence export (workflow 4, docs/evidence-export.md): the secretariat's
 * device builds a ballot's export and signs its report with the secretariat's certificate.
 * `target`: `file` writes the .zip into the app's exports folder and returns its path (the
 * desktop app); `download` returns the .zip bytes for the renderer to offer as a download
 * (browser mode).
 */
export const evidenceExportInputSchema = z.strictObject({
  ballotId: idSchema,
  /** Opens the secretariat's signing certificate on this device for the report's signature. */
  password: z.string().max(1024),
  target: z.enum(['file', 'download']),
});
export type EvidenceExportInput = z.infer<typeof evidenceExportInputSchema>;

export const evidenceExportOutputSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  /** Bytes of the .zip. */
  size: z.number().int().min(0),
  sha256: sha256Schema,
  /** Opinions in the export (all received, with rejected and superseded ones). */
  opinions: z.number().int().min(0),
  path: z.string().nullable(),
  base64: z.string().nullable(),
});
export type EvidenceExportOutput = z.infer<typeof evidenceExportOutputSchema>;

export const EVIDENCE_STEP_NAMES = ['fetch', 'files', 'report', 'sign', 'write', 'done'] as const;

/** Progress of an export: `done` of `total` steps finished, `step` the one now running. */
export const evidenceProgressSchema = z.strictObject({
  ballotId: idSchema,
  step: z.enum(EVIDENCE_STEP_NAMES),
  done: z.number().int().min(0),
  total: z.number().int().min(1),
});
export type EvidenceProgress = z.infer<typeof evidenceProgressSchema>;
