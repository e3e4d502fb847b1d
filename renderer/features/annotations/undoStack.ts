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
  | { kind: 'delete'; record: AnnotationRecord };

/** How an operation is carried out against the core (IPC); returns the id it acted on and
 * rejects when the core refuses it. */
export interface AnnotationActions {
  create(record: AnnotationRecord): Promise<string>;
  update(id: string, patch: AnnotationPatch): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Most operations kept per session. */
export const UNDO_LIMIT = 100;

/**
 * The session's undo/redo over my annotation operations. Undoing a creation deletes; undoing a
 * deletion creates the annotation again (under a new id: a deleted id stays a tombstone), and
 * later entries naming the old id are moved to the new one. Every step is an ordinary durable
 * change through the outbox, so undo works offline too.
 */
export class UndoStack {
  #done: AnnotationOperation[] = [];
  #undone: AnnotationOperation[] = [];

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
    let applied: AnnotationOperation;
    try {
      applied = await this.#run(invert(op), actions);
    } catch (error) {
      this.#done.push(op);
      throw error;
    }
    this.#undone.push(invert(applied));
  }

  /** Redoes the latest undone operation; if the core refuses (rejects), it stays redoable. */
  async redo(actions: AnnotationActions): Promise<void> {
    const op = this.#undone.pop();
    if (!op) return;
    try {
      this.#done.push(await this.#run(op, actions));
    } catch (error) {
      this.#undone.push(op);
      throw error;
    }
  }

  /** Runs `op`; a re-creation gets a new id, which every kept operation then uses. */
  async #run(op: AnnotationOperation, actions: AnnotationActions): Promise<AnnotationOperation> {
    switch (op.kind) {
      case 'create': {
        const id = await actions.create(op.record);
        if (id !== op.record.id) this.#rename(op.record.id, id);
        return { kind: 'create', record: { ...op.record, id } };
      }
      case 'update':
        await actions.update(op.id, op.after);
        return op;
      case 'delete':
        await actions.remove(op.record.id);
        return op;
    }
  }

  #rename(from: string, to: string): void {
    const move = (op: AnnotationOperation): AnnotationOperation =>
      op.kind === 'update'
        ? op.id === from
          ? { ...op, id: to }
          : op
        : op.record.id === from
          ? { ...op, record: { ...op.record, id: to } }
          : op;
    this.#done = this.#done.map(move);
    this.#undone = this.#undone.map(move);
  }
}

function invert(op: AnnotationOperation): AnnotationOperation {
  switch (op.kind) {
    case 'create':
      return { kind: 'delete', record: op.record };
    case 'delete':
      return { kind: 'create', record: op.record };
    case 'update':
      return { kind: 'update', id: op.id, before: op.after, after: op.before };
  }
}
