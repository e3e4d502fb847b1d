import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Point } from '../../../shared/annotations/pageGeometry.ts';
import type { AnnotationRecord, AnnotationVisibility } from '../../../shared/domain/annotation.ts';
import type {
  AnnotationList,
  AnnotationPlacement,
  AnnotationView,
} from '../../../shared/domain/annotationViews.ts';
import type { Entity } from '../../../shared/protocol/changes.ts';
import { invoke } from '../../ipc/invoke.ts';
import { useLiveQuery } from '../../ipc/useLiveQuery.ts';
import type { AnnotationSidebarProps } from './AnnotationSidebar.tsx';
import type { AnnotationToolbarProps } from './AnnotationToolbar.tsx';
import { DEFAULT_COLOR, type AnnotationTool } from './palette.ts';
import type {
  AnnotationDraft,
  MeasureRange,
  PlacedRange,
  ReaderAnnotations,
} from './readerAnnotations.ts';
import { UndoStack, type AnnotationActions, type AnnotationPatch } from './undoStack.ts';

const ENTITIES: readonly Entity[] = ['annotation', 'user'];
/** Bounds of one stored placement (shared/domain/annotation.ts): longer ones stay unplaced. */
const MAX_QUOTE_CHARS = 10_000;
const MAX_RECTS = 1_000;
/** New annotations are private until the member shares them. */
const DEFAULT_VISIBILITY: AnnotationVisibility = 'private';

export interface PaperAnnotations {
  reader: ReaderAnnotations;
  toolbar: AnnotationToolbarProps;
  sidebar: AnnotationSidebarProps;
  /** Older versions I annotated, newest first ("what changed" compares with them). */
  annotatedVersions: readonly number[];
  /** The page texts of the version being read; null until the reader can read them. */
  readCurrentTexts: () => Promise<string[]> | null;
}

/**
 * Makes the anchored placements of MY older text annotations durable (annotations:place):
 * measures each range on this version and asks the core to move them (once each; the core
 * skips what is not mine, already moved, or has a change of mine still queued).
 */
async function persistPlacements(
  documentId: string,
  version: number,
  placements: readonly AnnotationPlacement[],
  mine: ReadonlySet<string>,
  measure: MeasureRange,
): Promise<void> {
  const measured = [];
  for (const p of placements) {
    if (p.status !== 'anchored' || !mine.has(p.annotationId)) continue;
    if (p.end - p.start > MAX_QUOTE_CHARS) continue;
    const range = await measure(p.pageIndex, p.start, p.end);
    if (!range || range.rects.length > MAX_RECTS) continue;
    measured.push({ annotationId: p.annotationId, pageIndex: p.pageIndex, ...range });
  }
  if (measured.length > 0)
    await invoke('annotations:place', { documentId, version, placements: measured });
}

function upsert(list: AnnotationList, view: AnnotationView): AnnotationList {
  const rest = list.annotations.filter((v) => v.annotation.id !== view.annotation.id);
  return { ...list, annotations: [...rest, view] };
}

/**
 * The paper screen's annotations for the version being read (`version`, `sha256`): the list
 * (`annotations:list`, kept current by `sync:applied`), the tools, the session's undo/redo,
 * and re-anchoring of text annotations made on other versions (`annotations:reanchor` with
 * the reader's page texts). Every change is a durable local write in the core.
 */
export function usePaperAnnotations(
  documentId: string,
  version: number,
  sha256: string,
): PaperAnnotations {
  const live = useLiveQuery(documentId, () => invoke('annotations:list', { documentId }), ENTITIES);
  const { update } = live;
  const all = useMemo(() => live.value?.annotations ?? [], [live.value]);
  const [tool, setTool] = useState<AnnotationTool>('select');
  const [color, setColor] = useState(DEFAULT_COLOR);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [jump, setJump] = useState<ReaderAnnotations['jump']>(null);
  const [placements, setPlacements] = useState<readonly AnnotationPlacement[]>([]);
  const [, setHistoryTick] = useState(0);
  const stack = useRef(new UndoStack());
  const readTexts = useRef<(() => Promise<string[]>) | null>(null);
  const measureRange = useRef<MeasureRange | null>(null);
  const [textsReady, setTextsReady] = useState(false);

  const onThisVersion = useMemo(
    () => all.filter((v) => v.annotation.version === version && v.annotation.sha256 === sha256),
    [all, version, sha256],
  );
  const older = useMemo(
    () =>
      all.filter(
        (v) =>
          v.annotation.version !== version &&
          (v.annotation.shape.kind === 'highlight' || v.annotation.shape.kind === 'underline'),
      ),
    [all, version],
  );
  const olderKey = older
    .map((v) => `${v.annotation.id}@${v.annotation.updatedAt}${v.pending ? '*' : ''}`)
    .join(',');
  const mineOlder = useMemo(
    () => new Set(older.filter((v) => v.mine).map((v) => v.annotation.id)),
    [older],
  );
  const mineRef = useRef(mineOlder);
  mineRef.current = mineOlder;
  const annotatedVersions = useMemo(
    () =>
      [
        ...new Set(
          all
            .filter((v) => v.mine && v.annotation.version < version)
            .map((v) => v.annotation.version),
        ),
      ].sort((a, b) => b - a),
    [all, version],
  );

  // Re-anchoring: once the reader can read its texts, and whenever older annotations change.
  useEffect(() => {
    const read = readTexts.current;
    if (!textsReady || read === null || olderKey === '') {
      setPlacements([]);
      return undefined;
    }
    let active = true;
    void read().then(async (pageTexts) => {
      const result = await invoke('annotations:reanchor', { documentId, version, pageTexts });
      if (!active || !result.ok) return;
      setPlacements(result.value.placements);
      // Mine that were placed become durable on this version (others' stay display-only).
      const measure = measureRange.current;
      if (measure)
        await persistPlacements(
          documentId,
          version,
          result.value.placements,
          mineRef.current,
          measure,
        );
    });
    return () => {
      active = false;
    };
  }, [textsReady, olderKey, documentId, version]);

  const placed = useMemo((): PlacedRange[] => {
    const byId = new Map(older.map((v) => [v.annotation.id, v]));
    return placements.flatMap((p) => {
      const view = byId.get(p.annotationId);
      if (p.status !== 'anchored' || !view) return [];
      return [{ view, pageIndex: p.pageIndex, start: p.start, end: p.end }];
    });
  }, [placements, older]);
  const needsAttention = useMemo(
    () => placements.flatMap((p) => (p.status === 'needs_attention' ? [p] : [])),
    [placements],
  );
  // Notes and ink have no text to re-anchor by: on an older version they are listed, not drawn.
  const olderMarks = useMemo(
    () =>
      all.filter(
        (v) =>
          v.annotation.version < version &&
          (v.annotation.shape.kind === 'note' || v.annotation.shape.kind === 'ink'),
      ),
    [all, version],
  );

  const actions = useMemo((): AnnotationActions => {
    const settle = (view: AnnotationView): void => update((list) => upsert(list, view));
    return {
      restore: async (r) => {
        const result = await invoke('annotations:restore', { id: r.id, body: r.body });
        if (!result.ok) throw new Error(result.error.code);
        settle(result.value);
      },
      update: async (id, patch) => {
        const result = await invoke('annotations:update', { id, patch });
        if (!result.ok) throw new Error(result.error.code);
        settle(result.value);
      },
      remove: async (id) => {
        const result = await invoke('annotations:delete', { id });
        if (!result.ok) throw new Error(result.error.code);
        update((list) => ({
          ...list,
          annotations: list.annotations.filter((v) => v.annotation.id !== id),
        }));
      },
    };
  }, [update]);

  const recordOf = useCallback(
    (id: string): AnnotationRecord | null =>
      all.find((v) => v.annotation.id === id && v.mine)?.annotation ?? null,
    [all],
  );
  const changed = () => setHistoryTick((n) => n + 1);
  const onDraw = async (draft: AnnotationDraft) => {
    const result = await invoke('annotations:create', {
      documentId,
      version,
      pageIndex: draft.pageIndex,
      visibility: DEFAULT_VISIBILITY,
      color,
      body: '',
      shape: draft.shape,
    });
    if (!result.ok) return;
    update((list) => upsert(list, result.value));
    stack.current.record({ kind: 'create', record: result.value.annotation });
    changed();
  };
  const patch = async (id: string, after: AnnotationPatch) => {
    const record = recordOf(id);
    if (!record) return;
    const before: AnnotationPatch = {};
    if (after.color !== undefined) before.color = record.color;
    if (after.visibility !== undefined) before.visibility = record.visibility;
    if (after.body !== undefined) before.body = record.body;
    if (after.shape !== undefined) before.shape = record.shape;
    // Only a change the core took is undoable (a refused one changed nothing).
    const done = await actions.update(id, after).then(
      () => true,
      () => false,
    );
    if (!done) return;
    stack.current.record({ kind: 'update', id, before, after });
    changed();
  };
  const remove = async (id: string) => {
    const record = recordOf(id);
    if (!record) return;
    const done = await actions.remove(id).then(
      () => true,
      () => false,
    );
    if (!done) return;
    stack.current.record({ kind: 'delete', record });
    changed();
  };
  const onErase = (id: string, strokes: Point[][]) => {
    const record = recordOf(id);
    if (!record || record.shape.kind !== 'ink') return;
    if (strokes.length === 0) void remove(id);
    else void patch(id, { shape: { ...record.shape, strokes } });
  };
  const onPageTexts = useCallback((read: () => Promise<string[]>, measure: MeasureRange) => {
    readTexts.current = read;
    measureRange.current = measure;
    setTextsReady(true);
  }, []);
  const readCurrentTexts = useCallback(() => readTexts.current?.() ?? null, []);

  return {
    reader: {
      views: onThisVersion,
      placed,
      tool,
      color,
      selectedId,
      jump,
      onSelect: setSelectedId,
      onDraw: (draft) => void onDraw(draft),
      onErase,
      onPageTexts,
    },
    toolbar: { tool, onTool: setTool, color, onColor: setColor },
    annotatedVersions,
    readCurrentTexts,
    sidebar: {
      annotations: all,
      needsAttention,
      olderMarks,
      selectedId,
      onJump: (view) => {
        setSelectedId(view.annotation.id);
        const placement = placed.find((p) => p.view.annotation.id === view.annotation.id);
        setJump((j) => ({
          pageIndex: placement?.pageIndex ?? view.annotation.pageIndex,
          seq: (j?.seq ?? 0) + 1,
        }));
      },
      onDelete: (id) => void remove(id),
      onVisibility: (id, visibility) => void patch(id, { visibility }),
      onEdit: (id, change) => void patch(id, change),
      onUndo: () =>
        void stack.current
          .undo(actions)
          .catch(() => undefined)
          .finally(changed),
      onRedo: () =>
        void stack.current
          .redo(actions)
          .catch(() => undefined)
          .finally(changed),
      canUndo: stack.current.canUndo,
      canRedo: stack.current.canRedo,
    },
  };
}
