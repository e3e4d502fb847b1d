import type { Handlers } from '../../../shared/ipc/dispatch.ts';
import { exportEvidence, type EvidenceExporterDeps } from './evidenceExport.ts';

/** The IPC handler of the evidence export (shared/ipc/contract.ts `ballots:exportEvidence`). */
export function evidenceHandlers(
  deps: EvidenceExporterDeps,
): Pick<Handlers, 'ballots:exportEvidence'> {
  return { 'ballots:exportEvidence': (input) => exportEvidence(deps, input) };
}
