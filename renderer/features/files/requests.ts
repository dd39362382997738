import { createStore, useStore } from '../../state/store';
import type { DiscardReason, ExportOptions, FileUi, LossyAnswer, LossyExport, PathRequest } from './commands';
import type { ReadEncoding } from './export-options';

/** The one question on screen, if any; its modal answers through `resolve`. */
export type UiRequest =
  | { readonly kind: 'path'; readonly request: PathRequest; readonly resolve: (path: string | null) => void }
  | {
      readonly kind: 'confirm-discard';
      readonly name: string;
      readonly reason: DiscardReason;
      readonly resolve: (ok: boolean) => void;
    }
  | {
      readonly kind: 'export';
      readonly defaults: ExportOptions;
      readonly resolve: (options: ExportOptions | null) => void;
    }
  | { readonly kind: 'confirm-lossy'; readonly question: LossyExport; readonly resolve: (answer: LossyAnswer) => void }
  | {
      readonly kind: 'choose-encoding';
      readonly name: string;
      readonly resolve: (encoding: ReadEncoding | null) => void;
    };

export const uiRequest = createStore<UiRequest | null>(null);

export function useUiRequest(): UiRequest | null {
  return useStore(uiRequest, (r) => r);
}

/** Show a request's modal and wait for its answer; the modal goes away when answered. */
function ask<T>(make: (resolve: (value: T) => void) => UiRequest): Promise<T> {
  return new Promise<T>((resolve) => {
    const request = make((value) => {
      if (uiRequest.get() === request) uiRequest.set(null);
      resolve(value);
    });
    uiRequest.set(request);
  });
}

export const modalUi: FileUi = {
  pickPath: (request) => ask((resolve) => ({ kind: 'path', request, resolve })),
  confirmDiscard: (name, reason = 'open') => ask((resolve) => ({ kind: 'confirm-discard', name, reason, resolve })),
  exportOptions: (defaults) => ask((resolve) => ({ kind: 'export', defaults, resolve })),
  confirmLossyExport: (question) => ask((resolve) => ({ kind: 'confirm-lossy', question, resolve })),
  chooseEncoding: (name) => ask((resolve) => ({ kind: 'choose-encoding', name, resolve })),
};
