import { type ReactNode, useEffect, useRef } from 'react';

interface ModalProps {
  /** id of the element that names the dialog (its heading). */
  labelledBy: string;
  /** Escape, the close button or a click on the backdrop. */
  onCancel(): void;
  className?: string;
  children: ReactNode;
}

/**
 * A modal <dialog>: the browser makes the rest of the page inert, traps focus and returns focus to
 * where it was when the dialog closes. Mounted = open.
 */
export function Modal({ labelledBy, onCancel, className, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef(onCancel);
  cancelRef.current = onCancel;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first control; a dialog may name a safer or more useful one.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      cancelRef.current();
    };
    // A press and release both on the dialog element itself (not its content) is a click on the
    // backdrop; a text selection dragged out of a field must not close the dialog.
    let pressedOnBackdrop = false;
    const onPointerDown = (event: PointerEvent) => {
      pressedOnBackdrop = event.target === dialog;
    };
    const onBackdrop = (event: MouseEvent) => {
      if (pressedOnBackdrop && event.target === dialog) cancelRef.current();
      pressedOnBackdrop = false;
    };
    dialog.addEventListener('cancel', onCancelEvent);
    dialog.addEventListener('pointerdown', onPointerDown);
    dialog.addEventListener('click', onBackdrop);
    return () => {
      dialog.removeEventListener('cancel', onCancelEvent);
      dialog.removeEventListener('pointerdown', onPointerDown);
      dialog.removeEventListener('click', onBackdrop);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} aria-labelledby={labelledBy} className={`modal ${className ?? ''}`}>
      {children}
    </dialog>
  );
}
