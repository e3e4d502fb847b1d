import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANNOTATION_KINDS,
  ANNOTATION_VISIBILITIES,
  type AnnotationVisibility,
  MAX_ANNOTATION_BODY,
} from '../../../shared/domain/annotation.ts';
import type { AnnotationView } from '../../../shared/domain/annotationViews.ts';
import {
  authorsOf,
  filterAnnotations,
  NO_FILTER,
  type AnnotationFilter,
  type AnnotationKindName,
} from './annotationFilters.ts';
import { AnnotationThread } from './AnnotationThread.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { PALETTE } from './palette.ts';

export interface NeedsAttention {
  annotationId: string;
  exact: string;
}

export interface AnnotationSidebarProps {
  annotations: readonly AnnotationView[];
  /** Notes and ink on an older version than the one being read: kept, listed, not drawn (they
   * have no text to be re-anchored by). Default none. */
  olderMarks?: readonly AnnotationView[];
  /** Text annotations that could not be placed on the version being read. */
  needsAttention: readonly NeedsAttention[];
  /** The selected annotation: its comment thread shows under it. */
  selectedId: string | null;
  onJump: (view: AnnotationView) => void;
  onDelete: (id: string) => void;
  onVisibility: (id: string, visibility: AnnotationVisibility) => void;
  /** My note text or colour changed (the text is saved when the field loses focus). */
  onEdit: (id: string, patch: { body?: string; color?: string }) => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Shown under undo/redo (the export control); none when absent. */
  children?: ReactNode;
}

const isKind = (value: string): value is AnnotationKindName =>
  (ANNOTATION_KINDS as readonly string[]).includes(value);
const isVisibility = (value: string): value is AnnotationVisibility =>
  (ANNOTATION_VISIBILITIES as readonly string[]).includes(value);

/** One filter of the sidebar: "any" (null) or one of `options`. */
function FilterSelect(props: {
  label: string;
  testId: string;
  value: string | null;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {props.label}
      <select
        data-testid={props.testId}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('annotations.filter.any')}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The paper's annotations: filters (type, colour, author), click to jump, and for mine the
 * visibility and delete; others' are listed read-only with their author's name. The selected
 * one shows its comment thread (anyone who sees it may comment). Undo/redo act on this
 * session's own operations. Plain text only.
 */
export function AnnotationSidebar(props: AnnotationSidebarProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const shown = useMemo(
    () => filterAnnotations(props.annotations, filter),
    [props.annotations, filter],
  );
  const authors = useMemo(() => authorsOf(props.annotations), [props.annotations]);
  const older = props.olderMarks ?? [];
  return (
    <aside
      className="annotation-sidebar"
      aria-label={t('annotations.title')}
      data-testid="annotation-sidebar"
    >
      <h2 className="annotation-sidebar__title">{t('annotations.title')}</h2>
      <div className="annotation-sidebar__history">
        <button
          type="button"
          className="button button--small"
          disabled={!props.canUndo}
          onClick={props.onUndo}
          data-testid="annotation-undo"
        >
          {t('annotations.undo')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!props.canRedo}
          onClick={props.onRedo}
          data-testid="annotation-redo"
        >
          {t('annotations.redo')}
        </button>
      </div>
      {props.children}
      <div className="annotation-sidebar__filters">
        <FilterSelect
          label={t('annotations.filter.kind')}
          testId="annotation-filter-kind"
          value={filter.kind}
          options={ANNOTATION_KINDS.map((kind) => ({
            value: kind,
            label: t(`annotations.kind.${kind}`),
          }))}
          onChange={(value) =>
            setFilter({ ...filter, kind: value !== null && isKind(value) ? value : null })
          }
        />
        <FilterSelect
          label={t('annotations.filter.color')}
          testId="annotation-filter-color"
          value={filter.color}
          options={PALETTE.map((color) => ({ value: color, label: color }))}
          onChange={(color) => setFilter({ ...filter, color })}
        />
        <FilterSelect
          label={t('annotations.filter.author')}
          testId="annotation-filter-author"
          value={filter.authorId}
          options={authors.map((a) => ({
            value: a.authorId,
            label: a.mine ? t('annotations.mine') : (a.name ?? t('annotations.unknownAuthor')),
          }))}
          onChange={(authorId) => setFilter({ ...filter, authorId })}
        />
      </div>
      {props.annotations.length === 0 ? (
        <p className="muted">{t('annotations.none')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('annotations.noMatch')}</p>
      ) : (
        <ul className="annotation-list">
          {shown.map((view) => (
            <AnnotationItem key={view.annotation.id} view={view} {...props} />
          ))}
        </ul>
      )}
      {props.needsAttention.length > 0 || older.length > 0 ? (
        <section className="annotation-attention" data-testid="annotation-needs-attention">
          <h3>{t('annotations.needsAttention.title')}</h3>
          {props.needsAttention.length > 0 ? (
            <>
              <p>{t('annotations.needsAttention.lead')}</p>
              <ul>
                {props.needsAttention.map((n) => (
                  <li key={n.annotationId}>
                    {t('annotations.needsAttention.item', { text: n.exact })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {older.length > 0 ? (
            <>
              <p>{t('annotations.needsAttention.olderLead')}</p>
              <ul>
                {older.map(({ annotation: a }) => (
                  <li key={a.id} data-testid="annotation-older-mark" data-id={a.id}>
                    {t('annotations.needsAttention.olderItem', {
                      kind: t(`annotations.kind.${a.shape.kind}`),
                      version: a.version,
                      page: a.pageIndex + 1,
                    })}
                    {a.body === '' ? null : (
                      <> — {t('annotations.needsAttention.item', { text: a.body })}</>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </aside>
  );
}

function AnnotationItem(props: AnnotationSidebarProps & { view: AnnotationView }) {
  const { t } = useTranslation();
  const { annotation: a, mine, pending, authorName } = props.view;
  const page = a.pageIndex + 1;
  const excerpt =
    a.shape.kind === 'highlight' || a.shape.kind === 'underline' ? a.shape.quote.exact : a.body;
  return (
    <li
      className="annotation-item"
      data-testid="annotation-item"
      data-id={a.id}
      data-mine={mine ? 'true' : 'false'}
    >
      <button
        type="button"
        className="annotation-item__jump"
        aria-label={t('annotations.jump', { page })}
        onClick={() => props.onJump(props.view)}
      >
        <svg width="10" height="10" aria-hidden="true">
          <rect width="10" height="10" rx="2" fill={a.color} />
        </svg>{' '}
        {t(`annotations.kind.${a.shape.kind}`)} · {t('annotations.page', { page })}
      </button>
      <p className="annotation-item__text">{excerpt}</p>
      {!mine && a.body !== '' && excerpt !== a.body ? (
        <p className="annotation-item__body">{a.body}</p>
      ) : null}
      <p className="annotation-item__meta muted">
        {mine
          ? t('annotations.mine')
          : t('annotations.author', { name: authorName ?? t('annotations.unknownAuthor') })}
        {pending ? ` · ${t('annotations.pending')}` : ''}
      </p>
      {mine ? (
        <div className="annotation-item__actions">
          <NoteEditor
            body={a.body}
            maxLength={MAX_ANNOTATION_BODY}
            label={t('annotations.notePlaceholder')}
            onSave={(body) => props.onEdit(a.id, { body })}
          />
          <label>
            {t('annotations.palette')}
            <select
              data-testid="annotation-color"
              value={a.color}
              onChange={(e) => props.onEdit(a.id, { color: e.target.value })}
            >
              {[...new Set([a.color, ...PALETTE])].map((color) => (
                <option key={color} value={color}>
                  {color}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('annotations.visibility.label')}
            <select
              data-testid="annotation-visibility"
              value={a.visibility}
              onChange={(e) => {
                if (isVisibility(e.target.value)) props.onVisibility(a.id, e.target.value);
              }}
            >
              {ANNOTATION_VISIBILITIES.map((v) => (
                <option key={v} value={v}>
                  {t(`annotations.visibility.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--small"
            data-testid="annotation-delete"
            onClick={() => props.onDelete(a.id)}
          >
            {t('annotations.delete')}
          </button>
        </div>
      ) : (
        <p className="muted" data-testid="annotation-read-only">
          {t('annotations.readOnly')}
        </p>
      )}
      {props.selectedId === a.id ? <AnnotationThread annotationId={a.id} /> : null}
    </li>
  );
}
