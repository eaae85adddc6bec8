/**
 * A forward step whose failure switch fires AFTER its write (failInventoryUpdate,
 * failProcessPayment) returns no result, only an error; Lambda keeps nothing of an error
 * but its type and message (on AWS too). So the message says what was written, in a form
 * written and read here only, and a replay of the history can show the stock taken and the
 * money charged before the compensation gives them back. Browser-safe.
 */

export type StockLevels = { stockBefore: number; stockAfter: number };

/** "stock 10 → 9" */
export const stockNote = ({ stockBefore, stockAfter }: StockLevels): string => `stock ${stockBefore} → ${stockAfter}`;

/** "charging 49.99" */
export const chargeNote = (amount: number): string => `charging ${amount}`;

const STOCK = /\bstock (-?\d+) → (-?\d+)/;
const CHARGE = /\bcharging (\d+(?:\.\d+)?)\b/;

export function readStockNote(message: string): StockLevels | undefined {
  const m = STOCK.exec(message);
  return m ? { stockBefore: Number(m[1]), stockAfter: Number(m[2]) } : undefined;
}

export function readChargeNote(message: string): number | undefined {
  const m = CHARGE.exec(message);
  return m ? Number(m[1]) : undefined;
}
