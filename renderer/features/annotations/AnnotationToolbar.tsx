import { useTranslation } from 'react-i18next';
import { PALETTE, TOOLS, type AnnotationTool } from './palette.ts';

export interface AnnotationToolbarProps {
  tool: AnnotationTool;
  onTool: (tool: AnnotationTool) => void;
  color: string;
  onColor: (color: string) => void;
}

/** The annotation tools and the colour palette; the reader decides what a tool does. */
export function AnnotationToolbar(props: AnnotationToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="annotation-toolbar" role="toolbar" aria-label={t('annotations.tools')}>
      {TOOLS.map((tool) => (
        <button
          key={tool}
          type="button"
          className="button button--small"
          aria-pressed={props.tool === tool}
          data-testid={`annotation-tool-${tool}`}
          onClick={() => props.onTool(tool)}
        >
          {t(`annotations.tool.${tool}`)}
        </button>
      ))}
      <span
        className="annotation-toolbar__palette"
        role="group"
        aria-label={t('annotations.palette')}
      >
        {PALETTE.map((color) => (
          <button
            key={color}
            type="button"
            className="annotation-swatch"
            aria-pressed={props.color === color}
            aria-label={t('annotations.color', { color })}
            data-testid="annotation-swatch"
            data-color={color}
            onClick={() => props.onColor(color)}
          >
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" rx="3" fill={color} />
            </svg>
          </button>
        ))}
      </span>
    </div>
  );
}
