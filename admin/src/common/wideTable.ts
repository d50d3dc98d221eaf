/**
 * A table wider than a phone scrolls inside its own box. `contain: inline-size` keeps its width out
 * of the page's: react-admin's layout is `min-width: fit-content`, so it would otherwise widen the
 * whole page to the table.
 */
export const WIDE_TABLE = { overflowX: 'auto', contain: 'inline-size' } as const;
