import { useEffect, useState } from 'react';
import { Autocomplete, Box, InputAdornment, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useRedirect, useTranslate } from 'react-admin';
import { searchWords } from '@backend/core/search-text';
import { useKehoachQuery } from '../common/useKehoachDataProvider';
import type { SearchHit } from '../types';
import { Highlighted } from './Highlighted';

/** Pause after the last keystroke before asking the server. */
const TYPING_PAUSE_MS = 200;

function useDebounced(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/**
 * The app bar's search over everything the user may read: results while typing, diacritics and case
 * ignored; the words found are marked in the title and in the paragraph shown; Enter or a click opens it.
 */
export const SearchBox = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [input, setInput] = useState('');
  const query = useDebounced(input.trim());
  const searchable = searchWords(query).length > 0;
  const { data: hits = [], isFetching } = useKehoachQuery(['search', query], (methods) => methods.search(query), searchable);
  return (
    <Autocomplete<SearchHit, false, false, true>
      freeSolo
      size="small"
      options={searchable ? hits : []}
      filterOptions={(options) => options}
      getOptionLabel={(hit) => (typeof hit === 'string' ? hit : hit.title)}
      inputValue={input}
      onInputChange={(_, value, reason) => reason !== 'reset' && setInput(value)}
      onChange={(_, hit) => {
        if (hit && typeof hit !== 'string') redirect('show', hit.kind === 'incoming' ? 'incoming-documents' : 'plans', hit.id);
      }}
      loading={isFetching}
      loadingText={translate('kehoach.search.loading')}
      noOptionsText={translate(searchable ? 'kehoach.search.none' : 'kehoach.search.hint')}
      sx={{ width: { xs: 180, sm: 320, md: 420 }, mx: 1 }}
      renderOption={({ key, ...props }, hit) => (
        <Box component="li" key={key} {...props} sx={{ display: 'block !important' }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            <Highlighted text={hit.title} ranges={hit.titleHighlights} />
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div">
            {[hit.kind === 'incoming' ? translate('kehoach.search.incoming', { number: hit.arrivalNumber }) : null, hit.number, hit.issuer].filter(Boolean).join(' · ')}
          </Typography>
          {hit.snippet && (
            <Typography variant="caption" component="div">
              <Highlighted text={hit.snippet.text} ranges={hit.snippet.highlights} />
            </Typography>
          )}
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          placeholder={translate('kehoach.search.placeholder')}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'aria-label': translate('kehoach.search.placeholder') },
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
              sx: { bgcolor: 'background.paper', borderRadius: 1 },
            },
          }}
        />
      )}
    />
  );
};
