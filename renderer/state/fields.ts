import type { SegmentId, Side } from '../../shared/model/types';

/** A segment's text field, and where its text cursor is. */
export interface FieldFocus {
  id: SegmentId;
  side: Side;
  /** selectionStart of the field. */
  offset: number;
}

type FieldElement = HTMLTextAreaElement | HTMLInputElement;

const byElement = new WeakMap<Element, { id: SegmentId; side: Side; element: FieldElement }>();
const byKey = new Map<string, FieldElement>();
const key = (id: SegmentId, side: Side) => `${side}\u0000${id}`;

/**
 * The segment text fields on screen, registered by the fields themselves as they mount. Commands find
 * a field here (to focus it at once after an edit) instead of searching the page. Returns the
 * unregister.
 */
export function registerField(id: SegmentId, side: Side, element: FieldElement): () => void {
  byElement.set(element, { id, side, element });
  byKey.set(key(id, side), element);
  return () => {
    byElement.delete(element);
    // A row mounted again (another view, a scroll back) may have registered its new field already.
    if (byKey.get(key(id, side)) === element) byKey.delete(key(id, side));
  };
}

/** The field of segment `id` on side `side`, if it is on screen. */
export function fieldElement(id: SegmentId, side: Side): FieldElement | null {
  return byKey.get(key(id, side)) ?? null;
}

/** Which segment field `element` is (with its cursor), or null for anything else. */
export function fieldOf(element: Element | null): FieldFocus | null {
  const field = element ? byElement.get(element) : undefined;
  if (!field) return null;
  return { id: field.id, side: field.side, offset: field.element.selectionStart ?? field.element.value.length };
}
