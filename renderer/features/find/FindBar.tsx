import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FindQuery, findMatches, replaceAll, replaceMatch } from '../../../shared/edits/find';
import type { Side } from '../../../shared/model/types';
import { editor, useEditor } from '../../state/editor';
import { notices } from '../../state/notices';
import { closeFind, usePanels } from '../../state/panels';
import { reveal } from '../../state/reveal';
import { selection } from '../../state/selection';
import './find.css';

/**
 * Find and replace in the source and/or translation. Replace all is one edit (one undo step). The
 * matches are recomputed from the project as it changes: a linear scan, about a millisecond for
 * 5,000 segments.
 */
export function FindBar() {
  const open = usePanels((s) => s.find);
  if (!open) return null;
  return <FindBarOpen mode={open.mode} serial={open.serial} />;
}

function FindBarOpen({ mode, serial }: { mode: 'find' | 'replace'; serial: number }) {
  const { t } = useTranslation();
  const project = useEditor((s) => s.doc?.project ?? null);
  const [text, setText] = useState('');
  const [replacement, setReplacement] = useState('');
  const [sides, setSides] = useState<readonly Side[]>(['source', 'translation']);
  const [matchCase, setMatchCase] = useState(false);
  const [current, setCurrent] = useState(0);
  const [showReplace, setShowReplace] = useState(mode === 'replace');
  const findRef = useRef<HTMLInputElement>(null);

  // Every open request (Ctrl+F again, a new serial) focuses the find field; Ctrl+H also shows replace.
  // biome-ignore lint/correctness/useExhaustiveDependencies: serial is the trigger, not a value used.
  useEffect(() => {
    if (mode === 'replace') setShowReplace(true);
    findRef.current?.focus();
    findRef.current?.select();
  }, [mode, serial]);

  const query: FindQuery = useMemo(() => ({ text, sides, matchCase }), [text, sides, matchCase]);
  const matches = useMemo(() => (project ? findMatches(project, query) : []), [project, query]);
  const index = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);

  const go = (to: number) => {
    if (matches.length === 0) return;
    const i = (to + matches.length) % matches.length;
    setCurrent(i);
    const match = matches[i];
    if (match) {
      selection.select(match.id);
      reveal.request(match.id, null);
    }
  };

  const replaceCurrent = () => {
    const match = matches[index];
    if (!match) return;
    editor.applyEdit('replace', (p) => replaceMatch(p, match, query, replacement));
  };

  const replaceEvery = () => {
    let count = 0;
    editor.applyEdit('replace-all', (p) => {
      const result = replaceAll(p, query, replacement);
      count = result.count;
      return result.project;
    });
    notices.info((tr) => tr('edit.replaced', { count }));
  };

  const toggleSide = (side: Side) =>
    setSides((s) => (s.includes(side) ? (s.length > 1 ? s.filter((x) => x !== side) : s) : [...s, side]));

  return (
    <search
      className="find-bar"
      data-testid="find-bar"
      aria-label={t('edit.findBar.label')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          closeFind();
        }
      }}
    >
      <div className="find-row">
        <input
          ref={findRef}
          type="search"
          className="find-input"
          data-testid="find-input"
          aria-label={t('edit.findBar.find')}
          placeholder={t('edit.findBar.find')}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setCurrent(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
              event.preventDefault();
              go(event.shiftKey ? index - 1 : index + 1);
            }
          }}
        />
        <span className="find-count" data-testid="find-count" aria-live="polite">
          {text === ''
            ? ''
            : matches.length === 0
              ? t('edit.findBar.none')
              : t('edit.findBar.count', { current: index + 1, total: matches.length })}
        </span>
        <button
          type="button"
          className="find-button"
          title={t('edit.findBar.previous')}
          aria-label={t('edit.findBar.previous')}
          disabled={matches.length === 0}
          onClick={() => go(index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="find-button"
          title={t('edit.findBar.next')}
          aria-label={t('edit.findBar.next')}
          disabled={matches.length === 0}
          onClick={() => go(index + 1)}
        >
          ↓
        </button>
        <label className="find-check">
          <input type="checkbox" checked={sides.includes('source')} onChange={() => toggleSide('source')} />
          {t('edit.findBar.source')}
        </label>
        <label className="find-check">
          <input type="checkbox" checked={sides.includes('translation')} onChange={() => toggleSide('translation')} />
          {t('edit.findBar.translation')}
        </label>
        <label className="find-check">
          <input
            type="checkbox"
            data-testid="match-case"
            checked={matchCase}
            onChange={(e) => setMatchCase(e.currentTarget.checked)}
          />
          {t('edit.findBar.matchCase')}
        </label>
        <button
          type="button"
          className="find-button find-close"
          title={t('edit.findBar.close')}
          aria-label={t('edit.findBar.close')}
          onClick={closeFind}
        >
          ×
        </button>
      </div>
      {showReplace ? (
        <div className="find-row">
          <input
            type="text"
            className="find-input"
            data-testid="replace-input"
            aria-label={t('edit.findBar.replace')}
            placeholder={t('edit.findBar.replace')}
            value={replacement}
            onChange={(event) => setReplacement(event.currentTarget.value)}
          />
          <button
            type="button"
            className="find-button"
            data-testid="replace-one"
            disabled={index < 0}
            onClick={replaceCurrent}
          >
            {t('edit.findBar.replaceOne')}
          </button>
          <button
            type="button"
            className="find-button"
            data-testid="replace-all"
            disabled={matches.length === 0}
            onClick={replaceEvery}
          >
            {t('edit.findBar.replaceAll')}
          </button>
        </div>
      ) : null}
    </search>
  );
}
