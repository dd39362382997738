import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warningText } from '../../i18n/host-text';
import { editor } from '../../state/editor';
import { errorDetail, notices } from '../../state/notices';
import { useRuntime } from '../../state/runtime';
import { WarningIcon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import { basename } from '../files/paths';
import { applyProposal } from './apply';
import { initialSelection, reviewOrder } from './review-order';
import type { CorrectionField, ReimportChange, ReimportProposal } from './state';
import { TextDiff } from './TextDiff';

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly detail: string }
  | { readonly status: 'ready'; readonly proposal: ReimportProposal };

interface ReviewDialogProps {
  path: string;
  field: CorrectionField;
  onField(field: CorrectionField): void;
  onChooseAnother(): void;
  onDone(): void;
}

/**
 * The changes a corrected text would make, before anything is applied: old and new text with the
 * differences marked, the unsure ones first. Applying is one edit (one undo step).
 */
export function ReviewDialog({ path, field, onField, onChooseAnother, onDone }: ReviewDialogProps) {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const ids = useId();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // The document cannot change behind a modal: propose against what is on screen now.
  const project = useMemo(() => editor.get().doc?.project ?? null, []);

  useEffect(() => {
    if (!project) return;
    let current = true;
    setLoaded({ status: 'loading' });
    client.call('correction.preview', { path, project, field }).then(
      ({ proposal }) => {
        if (!current) return;
        setLoaded({ status: 'ready', proposal });
        setSelected(initialSelection(proposal.changes));
      },
      (err: unknown) => current && setLoaded({ status: 'failed', detail: errorDetail(err) }),
    );
    return () => {
      current = false;
    };
  }, [client, project, path, field]);

  const proposal = loaded.status === 'ready' ? loaded.proposal : null;
  const ordered = useMemo(() => (proposal ? reviewOrder(proposal.changes) : []), [proposal]);
  const changed = proposal ? proposal.changes.filter((c) => c.newText !== c.oldText).length : 0;
  const flagged = proposal ? proposal.changes.filter((c) => c.needsReview).length : 0;
  const name = basename(path);

  function apply(accepted: ReadonlySet<string>) {
    if (!proposal || accepted.size === 0) return onDone();
    applyProposal(editor, proposal, accepted);
    notices.info((tt) => tt('correction.applied', { count: accepted.size, name }));
    onDone();
  }

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Modal labelledBy={`${ids}-title`} onCancel={onDone} className="review-dialog">
      <header className="modal-header">
        <h2 id={`${ids}-title`}>{t('correction.reviewTitle')}</h2>
        <div className="radio-row" role="radiogroup" aria-label={t('correction.field')}>
          {(['text', 'translation'] as const).map((f) => (
            <label key={f} className="radio">
              <input type="radio" name={`${ids}-field`} checked={field === f} onChange={() => onField(f)} />
              {t(`correction.fields.${f}`)}
            </label>
          ))}
        </div>
      </header>
      <div className="modal-body review-body">
        {loaded.status === 'loading' ? <p className="form-hint">{t('correction.loading')}</p> : null}
        {loaded.status === 'failed' ? (
          <div className="check-box is-danger" role="alert">
            <span className="check-icon">
              <WarningIcon />
            </span>
            <p className="check-detail">{loaded.detail}</p>
          </div>
        ) : null}
        {proposal ? (
          <>
            <p className="review-summary" data-testid="review-summary">
              {t('correction.reviewSummary', { file: name, changed, flagged })}
              <span className="review-mode">{t(`correction.reviewMode.${proposal.mode}`)}</span>
            </p>
            {proposal.warnings.length > 0 ? (
              <ul className="form-notes" aria-label={t('correction.warnings')}>
                {proposal.warnings.map((w, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one file's notes never reorder.
                  <li key={i}>
                    {w.line !== null ? (
                      <span className="warning-line">{t('correction.warningLine', { line: w.line })}</span>
                    ) : null}{' '}
                    {warningText(w)}
                  </li>
                ))}
              </ul>
            ) : null}
            {ordered.length === 0 ? <p className="form-hint">{t('correction.noChanges')}</p> : null}
            {ordered.length > 0 ? (
              <div className="review-select">
                <button type="button" className="link-button" onClick={() => setSelected(initialSelection(ordered))}>
                  {t('correction.selectAll')}
                </button>
                <button type="button" className="link-button" onClick={() => setSelected(new Set())}>
                  {t('correction.selectNone')}
                </button>
              </div>
            ) : null}
            <ol className="review-list">
              {ordered.map((c) => (
                <ChangeItem key={c.id} change={c} checked={selected.has(c.id)} onToggle={(on) => toggle(c.id, on)} />
              ))}
            </ol>
          </>
        ) : null}
      </div>
      <footer className="modal-footer">
        <button type="button" className="button" onClick={onChooseAnother}>
          {t('correction.chooseAnother')}
        </button>
        <span className="footer-spacer" />
        <button type="button" className="button" onClick={onDone}>
          {t('correction.rejectAll')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!proposal || selected.size === 0}
          onClick={() => apply(selected)}
        >
          {t('correction.acceptSelected', { count: selected.size })}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!proposal || ordered.length === 0}
          onClick={() => apply(initialSelection(ordered))}
        >
          {t('correction.acceptAll')}
        </button>
      </footer>
    </Modal>
  );
}

function ChangeItem({
  change,
  checked,
  onToggle,
}: {
  change: ReimportChange;
  checked: boolean;
  onToggle(on: boolean): void;
}) {
  const { t } = useTranslation();
  const emptied = change.newText.trim() === '' && change.oldText.trim() !== '';
  return (
    <li
      className={`review-item${change.needsReview ? ' needs-review' : ''}`}
      data-testid="review-item"
      data-id={change.id}
    >
      <label className="review-check">
        <input type="checkbox" checked={checked} onChange={(event) => onToggle(event.currentTarget.checked)} />
        <span className="review-segment">{t('correction.segment', { n: change.index + 1 })}</span>
      </label>
      <div className="review-badges">
        {change.needsReview ? (
          <span className="badge is-caution">
            {change.missing ? t('correction.missing') : emptied ? t('correction.emptied') : t('correction.needsReview')}
          </span>
        ) : null}
        <span className="badge">{t('correction.confidence', { value: Math.round(change.confidence * 100) })}</span>
      </div>
      <div className="review-texts">
        <span className="review-label">{t('correction.old')}</span>
        <p className="review-old">
          <TextDiff from={change.oldText} to={change.newText} side="old" />
        </p>
        <span className="review-label">{t('correction.new')}</span>
        <p className="review-new">
          <TextDiff from={change.oldText} to={change.newText} side="new" />
        </p>
      </div>
    </li>
  );
}
