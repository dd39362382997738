import type { MouseEvent, ReactNode } from 'react';

/** Buttons in bars keep the focus where it was (usually a text field) when clicked with the mouse. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

interface ToolButtonProps {
  icon?: ReactNode;
  label: string;
  title?: string;
  onClick(): void;
  disabled?: boolean;
  primary?: boolean;
  testId?: string;
  /** Show only the icon; the label still names the button. */
  iconOnly?: boolean;
}

export function ToolButton({ icon, label, title, onClick, disabled, primary, testId, iconOnly }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={`tool-button${primary ? ' primary' : ''}${iconOnly ? ' icon-only' : ''}`}
      title={title ?? (iconOnly ? label : undefined)}
      aria-label={iconOnly ? label : undefined}
      data-testid={testId}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onClick}
    >
      {icon}
      {iconOnly ? null : <span>{label}</span>}
    </button>
  );
}

export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
  icon?: ReactNode;
}

interface SegmentedProps<T extends string> {
  label: string;
  value: T;
  options: readonly SegmentedOption<T>[];
  onChange(value: T): void;
  /** Show icons only (labels become tooltips and accessible names). */
  iconOnly?: boolean;
}

/** A row of toggle buttons, one pressed: language and theme switches. */
export function Segmented<T extends string>({ label, value, options, onChange, iconOnly }: SegmentedProps<T>) {
  return (
    <fieldset className="segmented" aria-label={label} title={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === value}
          aria-label={iconOnly ? o.label : undefined}
          title={iconOnly ? o.label : undefined}
          onMouseDown={keepFocus}
          onClick={() => onChange(o.value)}
        >
          {o.icon}
          {iconOnly ? null : <span>{o.label}</span>}
        </button>
      ))}
    </fieldset>
  );
}
