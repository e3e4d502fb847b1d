import { join } from 'node:path';
import type { Handlers } from '../../../shared/ipc/dispatch.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import type { AnnotationService } from '../annotations/AnnotationService.ts';
import { exportAnnotations } from '../annotations/exportAnnotations.ts';
import { saveAnnotationExport } from '../annotations/saveAnnotationExport.ts';
import type { DocumentService } from '../blobs/DocumentService.ts';
import type { ReadingPositionStore } from '../reader/ReadingPositionStore.ts';

export type PaperChannel =
  | 'documents:download'
  | 'documents:read'
  | 'documents:readVersion'
  | 'readingPositions:get'
  | 'readingPositions:set'
  | 'annotations:export';

/**
 * The IPC handlers of papers (shared/ipc/contract.ts): their bytes, where each member left
 * them, and the export of a member's annotations on them. `requireReader` throws unless the
 * replica may be read (signed in); `userId` throws when nobody is.
 */
export function paperHandlers(deps: {
  requireReader: () => void;
  userId: () => string;
  documents: DocumentService;
  positions: ReadingPositionStore;
  annotations: AnnotationService;
  /** Where exports to a file go: `<dataDir>/exports`. */
  dataDir: string;
  /** Epoch ms. */
  now: () => number;
}): Pick<Handlers, PaperChannel> {
  const { requireReader, userId, documents, positions, annotations } = deps;
  return {
    'documents:download': ({ meetingId }) => {
      requireReader();
      return { queued: documents.download(meetingId) };
    },
    'documents:read': ({ documentId }) => {
      requireReader();
      return documents.read(documentId);
    },
    'documents:readVersion': ({ documentId, version }) => {
      requireReader();
      return documents.readVersion(documentId, version);
    },
    'readingPositions:get': ({ documentId, sha256 }) => positions.get(userId(), documentId, sha256),
    'readingPositions:set': ({ documentId, sha256, position }) => {
      positions.set(userId(), documentId, sha256, position, deps.now());
      return {};
    },
    'annotations:export': async ({ documentId, format, target }) => {
      requireReader();
      const mine = annotations.mine(documentId);
      const paper = await documents.read(documentId);
      // The export writes the paper (or quotes of it) outside the app: the copy policy forbids it.
      if (!paper.copyAllowed)
        throw new IpcError('COPY_NOT_ALLOWED', 'this paper may not be copied or exported');
      const authorName = (id: string) => annotations.authorName(id);
      const exported = await exportAnnotations({ paper, mine, authorName }, format);
      return target === 'file'
        ? saveAnnotationExport(exported, join(deps.dataDir, 'exports'))
        : exported;
    },
  };
}
