import type { TFunction } from 'i18next';
import { formatCps } from './cps';

/** Characters per second of one side, marked when over the QA limit. */
export function Cps({
  value,
  max,
  side,
  t,
}: {
  value: number | null;
  max: number;
  side: 'source' | 'translation';
  /** The row's translate function: one useTranslation per row keeps rows cheap to mount while scrolling. */
  t: TFunction;
}) {
  const over = value !== null && value > max;
  return (
    <span
      className={`cps cps-${side}${over ? ' over' : ''}`}
      data-testid={`cps-${side}`}
      data-over={over ? 'true' : undefined}
      title={t(side === 'source' ? 'grid.cpsSourceHint' : 'grid.cpsTranslationHint', { max })}
    >
      {formatCps(value)}
    </span>
  );
}
