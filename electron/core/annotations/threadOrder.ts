/** What thread ordering needs of a comment. */
export interface Threaded {
  id: string;
  parentId: string | null;
  /** ISO instant. */
  createdAt: string;
}

/**
 * Depth-first thread order: each comment then its replies, siblings oldest first (then by id).
 * Replies whose parent is not among `items` are shown at the top level, and parent links that
 * loop (never written by a correct server) cannot hide a comment: every item appears once.
 */
export function threadOrder<T extends Threaded>(items: readonly T[]): { item: T; depth: number }[] {
  const ids = new Set(items.map((i) => i.id));
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(item);
    children.set(parent, list);
  }
  for (const list of children.values())
    list.sort(
      (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id),
    );
  const out: { item: T; depth: number }[] = [];
  const visited = new Set<string>();
  const visit = (item: T, depth: number): void => {
    if (visited.has(item.id)) return;
    visited.add(item.id);
    out.push({ item, depth });
    for (const child of children.get(item.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  for (const item of items) visit(item, 0);
  return out;
}
