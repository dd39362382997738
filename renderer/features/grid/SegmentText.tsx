import { useLayoutEffect, useRef, useState } from 'react';
import type { SegmentId, Side } from '../../../shared/model/types';
import { editor } from '../../state/editor';

interface SegmentTextProps {
  id: SegmentId;
  side: Side;
  /** The text in the store. */
  value: string;
  label: string;
  placeholder: string;
  lang: string;
}

/**
 * One segment text, as an uncontrolled textarea: React never writes its value while the user types,
 * so an input method's composition (拼音 → 汉字) is never disturbed. Input is committed to the store
 * on every input event outside a composition and once when a composition ends. The DOM value is
 * brought back in line with the store only when the store changed from elsewhere and the field is
 * not being edited.
 */
export function SegmentText({ id, side, value, label, placeholder, lang }: SegmentTextProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  // The initial text only: later store values reach the DOM through the effect below.
  const [initial] = useState(value);

  useLayoutEffect(() => {
    const field = ref.current;
    if (!field || composing.current || field === document.activeElement) return;
    if (field.value !== value) field.value = value;
  }, [value]);

  const commit = (field: HTMLTextAreaElement) => {
    editor.editText(id, side, field.value);
  };

  return (
    <textarea
      ref={ref}
      className={`segment-text segment-${side}`}
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
    />
  );
}
