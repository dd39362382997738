import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../shared/ipc/contract';
import { hostText } from '../../i18n/host-text';
import { errorDetail } from '../../state/notices';
import { useRuntime } from '../../state/runtime';
import { Modal } from '../../ui/Modal';
import { basename } from '../files/paths';
import { askPath } from './paths';
import type { CorrectionField } from './state';

type PairResult = CallResult<'correction.batch'>['results'][number];

interface Pair {
  readonly key: number;
  readonly timed: string;
  readonly text: string;
}

let nextKey = 1;
const emptyPair = (): Pair => ({ key: nextKey++, timed: '', text: '' });

/** Pairs of timed file + corrected text, reimported in one go; each pair's result is listed. */
export function BatchDialog({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const ids = useId();
  const [pairs, setPairs] = useState<Pair[]>([emptyPair()]);
  const [field, setField] = useState<CorrectionField>('text');
  const [outDir, setOutDir] = useState('');
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<PairResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const update = (key: number, patch: Partial<Pair>) =>
    setPairs((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  async function choose(pair: Pair, which: 'timed' | 'text') {
    try {
      const path = await askPath(client, 'open', 'document', which === 'timed' ? pair.timed : pair.text || pair.timed);
      if (path) update(pair.key, { [which]: path });
    } catch (err) {
      setError(errorDetail(err));
    }
  }

  const ready = pairs.filter((p) => p.timed && p.text);

  async function run() {
    setRunning(true);
    setError(null);
    try {
      const answer = await client.call('correction.batch', {
        pairs: ready.map(({ timed, text }) => ({ timed, text })),
        field,
        ...(outDir.trim() ? { outDir: outDir.trim() } : {}),
      });
      setResults(answer.results);
    } catch (err) {
      setError(errorDetail(err));
    } finally {
      setRunning(false);
    }
  }

  const resultOf = (pair: Pair) => results?.find((r) => r.timed === pair.timed && r.text === pair.text);

  return (
    <Modal labelledBy={`${ids}-title`} onCancel={onDone} className="batch-dialog">
      <header className="modal-header">
        <h2 id={`${ids}-title`}>{t('correction.batchTitle')}</h2>
        <div className="radio-row" role="radiogroup" aria-label={t('correction.field')}>
          {(['text', 'translation'] as const).map((f) => (
            <label key={f} className="radio">
              <input type="radio" name={`${ids}-field`} checked={field === f} onChange={() => setField(f)} />
              {t(`correction.fields.${f}`)}
            </label>
          ))}
        </div>
      </header>
      <div className="modal-body batch-body">
        <p className="form-hint">{t('correction.batchHint')}</p>
        <table className="batch-table">
          <thead>
            <tr>
              <th>{t('correction.timedFile')}</th>
              <th>{t('correction.textFile')}</th>
              <th>{t('correction.result')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {pairs.map((pair) => {
              const result = resultOf(pair);
              return (
                <tr key={pair.key} data-testid="batch-pair">
                  {(['timed', 'text'] as const).map((which) => (
                    <td key={which}>
                      <button
                        type="button"
                        className="button batch-file"
                        title={pair[which]}
                        onClick={() => void choose(pair, which)}
                      >
                        {pair[which] ? basename(pair[which]) : t('correction.choose')}
                      </button>
                    </td>
                  ))}
                  <td className="batch-result" data-testid="batch-result">
                    {result ? (
                      result.error ? (
                        <span className="is-danger">
                          {t('correction.resultFailed', {
                            error: result.errorMessage ? hostText(result.errorMessage) : result.error,
                          })}
                        </span>
                      ) : (
                        t('correction.resultOk', {
                          changed: result.changed,
                          flagged: result.flagged,
                          output: result.output ?? '',
                        })
                      )
                    ) : null}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      disabled={pairs.length === 1}
                      onClick={() => setPairs((ps) => ps.filter((p) => p.key !== pair.key))}
                    >
                      {t('correction.removePair')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="button" className="link-button" onClick={() => setPairs((ps) => [...ps, emptyPair()])}>
          {t('correction.addPair')}
        </button>
        <div className="batch-outdir">
          <label htmlFor={`${ids}-out`}>{t('correction.outDir')}</label>
          <input id={`${ids}-out`} type="text" value={outDir} onChange={(e) => setOutDir(e.currentTarget.value)} />
        </div>
        {error ? (
          <p className="is-danger" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <footer className="modal-footer">
        <button type="button" className="button" onClick={onDone}>
          {t('correction.close')}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={running || ready.length === 0}
          onClick={() => void run()}
        >
          {running ? t('correction.running') : t('correction.run')}
        </button>
      </footer>
    </Modal>
  );
}
