/** Type code of a plan in document symbols (FORMAT.md): "KH". */
export const PLAN_TYPE_CODE = 'KH';

/** "Số" as written on a document: numbers below 10 take a leading zero (FORMAT.md) — "05/KH-MTTQ-BTT". */
export function formatDocumentNumber(number: number, symbol: string): string {
  return `${String(number).padStart(2, '0')}/${symbol}`;
}
