/**
 * Counts renders by name when a test asked for it (`window.__zimuRenders = {}` before the app
 * loads), so an end-to-end test can check that a keystroke re-renders one row and not the list.
 * Without that object it costs one property read per render.
 */
interface ProbeWindow {
  __zimuRenders?: Record<string, number>;
}

export function countRender(name: string): void {
  const counts = (globalThis as ProbeWindow).__zimuRenders;
  if (counts) counts[name] = (counts[name] ?? 0) + 1;
}
