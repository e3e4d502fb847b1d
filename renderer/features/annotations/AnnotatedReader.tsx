import { Reader, type ReaderProps } from '../reader/Reader.tsx';
import { AnnotationSidebar } from './AnnotationSidebar.tsx';
import { AnnotationToolbar } from './AnnotationToolbar.tsx';
import { usePaperAnnotations } from './usePaperAnnotations.ts';

export interface AnnotatedReaderProps extends Omit<ReaderProps, 'annotations'> {
  documentId: string;
  /** The version being read and its file's SHA-256 (annotations are tied to them). */
  version: number;
  sha256: string;
}

/** The reader with the member's annotation tools above it and the annotation list beside. */
export function AnnotatedReader({ documentId, version, sha256, ...reader }: AnnotatedReaderProps) {
  const annotations = usePaperAnnotations(documentId, version, sha256);
  return (
    <div className="paper-annotations">
      <AnnotationToolbar {...annotations.toolbar} />
      <Reader {...reader} annotations={annotations.reader} />
      <AnnotationSidebar {...annotations.sidebar} />
    </div>
  );
}
