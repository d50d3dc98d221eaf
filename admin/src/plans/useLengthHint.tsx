import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * A printed line of the body (14pt Times New Roman on A4's 16.5 cm) holds about 95 characters. A
 * paragraph of 1,500 characters is some 16 lines, a third of a page: past that it reads as a wall
 * of text, and the practice is to split it into numbered items. The length shows from 800 (half
 * of that), so the drafter sees it coming; the API itself takes up to 20,000.
 */
export const PARAGRAPH_LIMIT = 1500;
const SHOWN_FROM = 800;

const count = new Intl.NumberFormat('vi-VN');

/** The helper under a paragraph's input: its length once long, a warning past the limit; nothing for a short one. */
export function useLengthHint(): (name: string, text: unknown) => ReactNode | undefined {
  const translate = useTranslate();
  return (name, text) => {
    const length = typeof text === 'string' ? text.length : 0;
    if (length < SHOWN_FROM) return undefined;
    const tooLong = length > PARAGRAPH_LIMIT;
    const words = { count: count.format(length), limit: count.format(PARAGRAPH_LIMIT) };
    return (
      <Box component="span" data-length-hint={name} data-too-long={tooLong} sx={{ color: tooLong ? 'warning.dark' : 'text.secondary', fontWeight: tooLong ? 600 : 400 }}>
        {translate(tooLong ? 'kehoach.text_length.too_long' : 'kehoach.text_length.count', words)}
      </Box>
    );
  };
}
