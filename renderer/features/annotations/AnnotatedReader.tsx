import type { SyntheticEvent } from 'react';
import { Reader, type ReaderProps } from '../reader/Reader.tsx';
import { AnnotationExport } from './AnnotationExport.tsx';
import { AnnotationSidebar } from './AnnotationSidebar.tsx';
import { AnnotationToolbar } from './AnnotationToolbar.tsx';
import { usePaperAnnotations } from './usePaperAnnotations.ts';
import { WhatChangedPanel } from './WhatChangedPanel.tsx';

export interface AnnotatedReaderProps extends Omit<ReaderProps, 'annotations'> {
  documentId: string;
  /** The version being read and its file's SHA-256 (annotations are tied to them). */
  version: number;
  sha256: string;
}

/** Refuses a copy, cut or drag of the paper's text (its quotes in the list, its diff included). */
const refuse = (event: SyntheticEvent): void => event.preventDefault();

/** The reader with the member's annotation tools above it, the annotation list beside, and
 * "what changed" on any version after the first. With `allowCopy` false the whole
 * screen refuses copying (the reader itself also says why) and offers no export. */
export function AnnotatedReader({ documentId, version, sha256, ...reader }: AnnotatedReaderProps) {
  const annotations = usePaperAnnotations(documentId, version, sha256);
  const allowCopy = reader.allowCopy ?? true;
  const guard = allowCopy ? {} : { onCopy: refuse, onCut: refuse, onDragStart: refuse };
  return (
    <div className="paper-annotations" data-copy={allowCopy ? 'allowed' : 'blocked'} {...guard}>
      <AnnotationToolbar {...annotations.toolbar} />
      <WhatChangedPanel
        documentId={documentId}
        version={version}
        loader={reader.loader}
        annotatedVersions={annotations.annotatedVersions}
        readCurrent={annotations.readCurrentTexts}
      />
      <Reader {...reader} annotations={annotations.reader} />
      <AnnotationSidebar {...annotations.sidebar}>
        <AnnotationExport documentId={documentId} allowed={allowCopy} />
      </AnnotationSidebar>
    </div>
  );
}
