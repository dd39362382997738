import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../shared/ipc/contract';
import { errorDetail } from '../../state/notices';
import { useRuntime } from '../../state/runtime';
import { CloseIcon, FileIcon, FolderIcon, UpIcon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import type { PathRequest } from './commands';
import {
  basename,
  CAPTION_EXTENSIONS,
  dirname,
  extname,
  FILTER_EXTENSIONS,
  hasExtension,
  joinPath,
  PROJECT_EXTENSION,
} from './paths';

type Listing = CallResult<'fs.list'>;

/** The folder the picker showed last, to start there next time. */
let lastFolder: string | null = null;

interface FilePickerProps {
  request: PathRequest;
  onDone(path: string | null): void;
}

/**
 * The in-app file picker for hosts without native dialogs (the browser host): browse folders with
 * fs.list, or type/paste a path. Open mode returns a file; save mode a folder plus a file name.
 */
export function FilePicker({ request, onDone }: FilePickerProps) {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const ids = useId();
  const saving = request.mode === 'save';
  // A project is only ever saved as .zimu: do not offer caption files to write over. A translation
  // track is a caption file, never a project.
  const extensions =
    request.purpose === 'save-project'
      ? [PROJECT_EXTENSION]
      : request.purpose === 'translation'
        ? CAPTION_EXTENSIONS
        : FILTER_EXTENSIONS[request.filter];

  const [listing, setListing] = useState<Listing | null>(null);
  const [pathText, setPathText] = useState('');
  const [name, setName] = useState(saving ? basename(request.defaultPath) : '');
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [recent, setRecent] = useState<readonly string[] | null>(null);
  /** Save mode: the existing file the user was asked about replacing. */
  const [replacing, setReplacing] = useState<string | null>(null);
  const pathRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  /** The user typed in the path field: a listing arriving later must not overwrite it. */
  const pathTouched = useRef(false);
  const alive = useRef(true);

  const navigate = useCallback(
    async (dir: string | undefined, options: { keepPathText?: boolean } = {}): Promise<boolean> => {
      setLoading(true);
      try {
        const result = await client.call('fs.list', dir === undefined ? {} : { dir });
        if (!alive.current) return true;
        lastFolder = result.dir;
        setListing(result);
        setSelected(null);
        setError(null);
        if (!options.keepPathText || !pathTouched.current) {
          pathTouched.current = false;
          setPathText(result.dir);
        }
        return true;
      } catch (err) {
        if (alive.current) setError(errorDetail(err));
        return false;
      } finally {
        if (alive.current) setLoading(false);
      }
    },
    [client],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per opened picker.
  useEffect(() => {
    alive.current = true;
    const start = request.defaultPath ? dirname(request.defaultPath) : lastFolder;
    void navigate(start || undefined, { keepPathText: true }).then((ok) => {
      if (!ok && start) void navigate(undefined, { keepPathText: true });
    });
    if (request.purpose === 'open' || request.purpose === 'translation') {
      client
        .call('settings.get', {})
        .then((s) => alive.current && setRecent(s.recentFiles.filter((path) => hasExtension(path, extensions))))
        .catch(() => alive.current && setRecent([]));
    }
    (saving ? nameRef : pathRef).current?.focus();
    if (saving)
      nameRef.current?.setSelectionRange(0, basename(request.defaultPath).length - extname(request.defaultPath).length);
    return () => {
      alive.current = false;
    };
  }, []);

  const finish = (path: string) => onDone(path);

  /** Enter in the path field: a folder is browsed, a file is chosen. */
  async function submitPath(text: string): Promise<void> {
    const target = text.trim();
    if (!target) return;
    const entry = listing?.entries.find((e) => e.path === target);
    if (entry) {
      if (entry.kind === 'dir') await navigate(entry.path);
      else finish(entry.path);
      return;
    }
    if (listing && target === listing.dir) {
      if (saving) submitName(name);
      else if (selected) finish(selected);
      return;
    }
    if (hasExtension(target, extensions)) {
      finish(target);
      return;
    }
    // Not a file Zimu knows by name: browse it as a folder, else let the host say what it is.
    if (!(await navigate(target)) && !saving) finish(target);
  }

  function submitName(text: string): void {
    const fileName = text.trim();
    if (!fileName || !listing) return;
    const target = /[\\/]/.test(fileName) ? fileName : joinPath(listing.dir, fileName);
    const exists = listing.entries.some((e) => e.kind === 'file' && e.path === target);
    // Ask once before writing over a file that is there, as native save dialogs do.
    if (exists && replacing !== target) setReplacing(target);
    else finish(target);
  }

  function submitPrimary(): void {
    if (saving) submitName(name);
    else if (selected) finish(selected);
    else void submitPath(pathText);
  }

  const onEnter = (fn: (value: string) => void) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      fn(event.currentTarget.value);
    }
  };

  const entries = (listing?.entries ?? [])
    .filter((e) => e.kind === 'dir' || hasExtension(e.name, extensions))
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));

  const title = {
    open: t('picker.titleOpen'),
    'save-project': t('picker.titleSave'),
    export: t('picker.titleExport'),
    media: t('picker.titleMedia'),
    translation: t('picker.titleTranslation'),
  }[request.purpose];
  const confirmLabel = {
    open: t('picker.confirmOpen'),
    'save-project': t('picker.confirmSave'),
    export: t('picker.confirmExport'),
    media: t('picker.confirmMedia'),
    translation: t('picker.confirmTranslation'),
  }[request.purpose];
  const titleId = `${ids}-title`;

  return (
    <Modal labelledBy={titleId} onCancel={() => onDone(null)} className="picker">
      <header className="modal-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('picker.close')}
          title={t('picker.close')}
          onClick={() => onDone(null)}
        >
          <CloseIcon />
        </button>
      </header>

      <div className="picker-pathbar">
        <button
          type="button"
          className="icon-button"
          aria-label={t('picker.up')}
          title={t('picker.up')}
          disabled={!listing?.parent}
          onClick={() => listing?.parent && void navigate(listing.parent)}
        >
          <UpIcon />
        </button>
        <input
          ref={pathRef}
          type="text"
          className="picker-path"
          aria-label={t('picker.path')}
          title={t('picker.pathHint')}
          placeholder={t('picker.pathHint')}
          value={pathText}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            pathTouched.current = true;
            setPathText(event.currentTarget.value);
          }}
          onKeyDown={onEnter((value) => void submitPath(value))}
        />
        <button type="button" className="button" onClick={() => void submitPath(pathText)}>
          {t('picker.go')}
        </button>
      </div>

      <div className="picker-body">
        {recent !== null ? (
          <nav className="picker-recent" aria-label={t('picker.recent')}>
            <h3>{t('picker.recent')}</h3>
            {recent.length === 0 ? <p className="picker-muted">{t('picker.noRecent')}</p> : null}
            <ul>
              {recent.map((path) => (
                <li key={path}>
                  <button type="button" title={path} onClick={() => finish(path)}>
                    <span className="recent-name">{basename(path)}</span>
                    <span className="recent-dir">{dirname(path)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        <div className="picker-list" aria-busy={loading}>
          {error ? (
            <p className="picker-error" role="alert">
              {error}
            </p>
          ) : null}
          <ul>
            {listing?.parent ? (
              <li>
                <button
                  type="button"
                  className="picker-entry is-dir"
                  onClick={() => void navigate(listing.parent ?? '')}
                >
                  <UpIcon />
                  <span className="entry-name">..</span>
                  <span className="entry-kind">{t('picker.up')}</span>
                </button>
              </li>
            ) : null}
            {entries.map((entry) => (
              <li key={entry.path}>
                <button
                  type="button"
                  className={`picker-entry ${entry.kind === 'dir' ? 'is-dir' : 'is-file'}${selected === entry.path ? ' is-selected' : ''}`}
                  aria-pressed={entry.kind === 'file' ? selected === entry.path : undefined}
                  onClick={() => {
                    if (entry.kind === 'dir') void navigate(entry.path);
                    else if (saving) {
                      setName(entry.name);
                      setReplacing(null);
                    } else {
                      setSelected(entry.path);
                      setPathText(entry.path);
                    }
                  }}
                  onDoubleClick={() => entry.kind === 'file' && finish(entry.path)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' && entry.kind === 'file') {
                      event.preventDefault();
                      if (saving) submitName(entry.name);
                      else finish(entry.path);
                    }
                  }}
                >
                  {entry.kind === 'dir' ? <FolderIcon /> : <FileIcon />}
                  <span className="entry-name">{entry.name}</span>
                  <span className="entry-kind">{entry.kind === 'dir' ? t('picker.folder') : extname(entry.name)}</span>
                </button>
              </li>
            ))}
          </ul>
          {listing && !loading && entries.length === 0 ? <p className="picker-muted">{t('picker.empty')}</p> : null}
          {loading && !listing ? <p className="picker-muted">{t('picker.loading')}</p> : null}
        </div>
      </div>

      {saving ? (
        <div className="picker-name">
          <label htmlFor={`${ids}-name`}>{t('picker.fileName')}</label>
          <input
            ref={nameRef}
            id={`${ids}-name`}
            type="text"
            value={name}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => {
              setName(event.currentTarget.value);
              setReplacing(null);
            }}
            onKeyDown={onEnter(submitName)}
          />
          {replacing ? (
            <p className="picker-replace" role="alert">
              {t('picker.replaceQuestion', { name: basename(replacing) })}
            </p>
          ) : null}
        </div>
      ) : null}

      <footer className="modal-footer">
        <span className="picker-filter">{t('picker.showing', { extensions: extensions.join(' ') })}</span>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('picker.cancel')}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={
            saving ? !name.trim() || !listing : !selected && (!pathText.trim() || pathText.trim() === listing?.dir)
          }
          onClick={submitPrimary}
        >
          {replacing ? t('picker.replace') : confirmLabel}
        </button>
      </footer>
    </Modal>
  );
}
