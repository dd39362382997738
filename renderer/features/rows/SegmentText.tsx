import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import type { SegmentId, Side } from '../../../shared/model/types';
import { editor } from '../../state/editor';
import { registerField } from '../../state/fields';

interface SegmentTextProps {
  id: SegmentId;
  side: Side;
  /** The text in the store. */
  value: string;
  label: string;
  placeholder: string;
  lang: string;
  className?: string;
  onKeyDown?(event: KeyboardEvent<HTMLTextAreaElement>): void;
}

/**
 * One segment text, as an uncontrolled textarea: React never writes its value while the user types,
 * so an input method's composition (拼音 → 汉字) is never disturbed. Input is committed to the store
 * on every input event outside a composition and once when a composition ends. A store value that
 * did not come from this field (undo, replace-all) is written into it at once, focused or not,
 * except in the middle of a composition. A field mounted again (virtualized list) starts from the
 * store's text.
 */
export function SegmentText({ id, side, value, label, placeholder, lang, className, onKeyDown }: SegmentTextProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  // The initial text only: later store values reach the DOM through the effect below.
  const [initial] = useState(value);
  // The text this field last put in the store (or last took from it): its own echo is no news.
  const lastValue = useRef(value);

  // Commands find the field here to focus it (renderer/state/fields.ts); layout effect, so a field
  // rendered by a command is registered before the command looks for it.
  useLayoutEffect(() => {
    const field = ref.current;
    return field ? registerField(id, side, field) : undefined;
  }, [id, side]);

  useLayoutEffect(() => {
    const field = ref.current;
    if (!field || composing.current || value === lastValue.current) return;
    lastValue.current = value;
    if (field.value === value) return;
    const focused = field === document.activeElement;
    const caret = field.selectionStart;
    field.value = value;
    // Keep the caret near where it was rather than jumping to the end.
    if (focused) field.setSelectionRange(Math.min(caret, value.length), Math.min(caret, value.length));
  }, [value]);

  const commit = (field: HTMLTextAreaElement) => {
    lastValue.current = field.value;
    editor.editText(id, side, field.value);
  };

  return (
    <textarea
      ref={ref}
      className={`segment-text segment-${side}${className ? ` ${className}` : ''}`}
      data-testid={`${side}-input`}
      defaultValue={initial}
      rows={1}
      lang={lang}
      aria-label={label}
      placeholder={placeholder}
      spellCheck={false}
      autoComplete="off"
      onInput={(event) => {
        if (composing.current || (event.nativeEvent as InputEvent).isComposing) return;
        commit(event.currentTarget);
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(event) => {
        composing.current = false;
        commit(event.currentTarget);
      }}
      onKeyDown={onKeyDown}
      onBlur={() => editor.closeEditGroup()}
    />
  );
}
