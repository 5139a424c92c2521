// The fee of one side of a trade, by the gate's own rule (risk-config.ts feeUnits), in quote asset
// units: what the gate charged, so a report never disagrees with the balance it moved.
import type { Engine } from '../core/engine.js';
import { feeUnits } from '../risk/risk-config.js';

export function fillFee(engine: Engine, instrumentId: number, priceTicks: number, lots: number, maker: boolean): { units: number; assetId: number } {
  const tables = engine.risk?.tables;
  const row = tables?.instruments.find((x) => x.instrument.id === instrumentId);
  const quote = row === undefined ? undefined : tables?.assets[row.quoteAsset];
  if (row === undefined || quote === undefined) return { units: 0, assetId: 0 };
  return { units: feeUnits(lots * priceTicks * row.quotePerTickLot, maker ? row.makerBps : row.takerBps), assetId: quote.id };
}
