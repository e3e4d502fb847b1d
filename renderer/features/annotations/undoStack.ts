import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';

/** What `annotations:update` may change. */
export interface AnnotationPatch {
  color?: AnnotationRecord['color'];
  visibility?: AnnotationRecord['visibility'];
  body?: AnnotationRecord['body'];
  shape?: AnnotationRecord['shape'];
}

/** One local operation, with what is needed to undo and redo it. */
export type AnnotationOperation =
  | { kind: 'create'; record: AnnotationRecord }
  | { kind: 'update'; id: string; before: AnnotationPatch; after: AnnotationPatch }
  | { kind: 'delete'; record: AnnotationRecord }
  /** Brings a deleted annotation back under its own id (its comments return with it). */
  | { kind: 'restore'; record: AnnotationRecord };

/** What undo and redo carry out: never a creation (undoing a deletion restores instead). */
type Step = Exclude<AnnotationOperation, { kind: 'create' }>;

/** How an operation is carried out against the core (IPC); rejects when the core refuses. */
export interface AnnotationActions {
  update(id: string, patch: AnnotationPatch): Promise<void>;
  remove(id: string): Promise<void>;
  restore(record: AnnotationRecord): Promise<void>;
}

/** Most operations kept per session. */
export const UNDO_LIMIT = 100;

/**
 * The session's undo/redo over my annotation operations. Undoing a creation deletes the
 * annotation and redoing it restores it; undoing a deletion restores it. A restored annotation
 * keeps its id and text, so the comments others wrote on it come back with it. Every step is
 * an ordinary durable change through the outbox, so undo works offline too.
 */
export class UndoStack {
  #done: AnnotationOperation[] = [];
  #undone: Step[] = [];

  get canUndo(): boolean {
    return this.#done.length > 0;
  }

  get canRedo(): boolean {
    return this.#undone.length > 0;
  }

  record(op: AnnotationOperation): void {
    this.#done.push(op);
    if (this.#done.length > UNDO_LIMIT) this.#done.shift();
    this.#undone = [];
  }

  /** Undoes the latest operation; if the core refuses (rejects), it stays undoable. */
  async undo(actions: AnnotationActions): Promise<void> {
    const op = this.#done.pop();
    if (!op) return;
    const step = invert(op);
    try {
      await run(step, actions);
    } catch (error) {
      this.#done.push(op);
      throw error;
    }
    this.#undone.push(invert(step));
  }

  /** Redoes the latest undone operation; if the core refuses (rejects), it stays redoable. */
  async redo(actions: AnnotationActions): Promise<void> {
    const step = this.#undone.pop();
    if (!step) return;
    try {
      await run(step, actions);
    } catch (error) {
      this.#undone.push(step);
      throw error;
    }
    this.#done.push(step);
  }
}

function run(step: Step, actions: AnnotationActions): Promise<void> {
  switch (step.kind) {
    case 'update':
      return actions.update(step.id, step.after);
    case 'delete':
      return actions.remove(step.record.id);
    case 'restore':
      return actions.restore(step.record);
  }
}

function invert(op: AnnotationOperation): Step {
  switch (op.kind) {
    case 'create':
    case 'restore':
      return { kind: 'delete', record: op.record };
    case 'delete':
      return { kind: 'restore', record: op.record };
    case 'update':
      return { kind: 'update', id: op.id, before: op.after, after: op.before };
  }
}
