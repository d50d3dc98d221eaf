import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, Card, CardContent, Chip, IconButton, List, ListItem, ListItemText, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useCreate, useDelete, useGetList, useNotify, useTranslate, type HttpError } from 'react-admin';
import type { NumberSeries as NumberSeriesEntity } from '@backend/numbering/number-series.entity';
import type { Jsonify } from '../types';
import { DOCUMENT_TYPE_CHOICES } from './documentTypes';

type NumberSeries = Jsonify<Pick<NumberSeriesEntity, 'id' | 'name' | 'typeCodes'>>;

const RESOURCE = 'number-series';

/**
 * The organisation's named series beside its shared register (Điều 15.1.c): documents of a series'
 * types take their numbers from its own counter. Only the clerk adds or removes one; the server
 * refuses a type already numbered this year or a series that gave numbers, and says why.
 */
export const NumberSeriesPanel = ({ canChange }: { canChange: boolean }) => {
  const translate = useTranslate();
  const { data: series = [] } = useGetList<NumberSeries>(RESOURCE, { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="number-series-panel">
      <CardContent>
        <Typography variant="subtitle1">{translate('resources.number-registers.series.title')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('resources.number-registers.series.help')}
        </Typography>
        <List dense>
          {series.map((item) => (
            <SeriesItem key={item.id} series={item} canChange={canChange} />
          ))}
        </List>
        {canChange && <AddSeries />}
      </CardContent>
    </Card>
  );
};

const typeName = (translate: (key: string) => string, code: string) =>
  translate(DOCUMENT_TYPE_CHOICES.find((choice) => choice.id === code)?.name ?? code);

const SeriesItem = ({ series, canChange }: { series: NumberSeries; canChange: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [remove, { isPending }] = useDelete<NumberSeries, HttpError>();
  const onDelete = () =>
    remove(RESOURCE, { id: series.id, previousData: series }, { mutationMode: 'pessimistic', onError: (error) => notify(error.message, { type: 'error' }) });
  return (
    <ListItem
      disableGutters
      data-testid={`number-series-${series.name}`}
      secondaryAction={
        canChange && (
          <IconButton edge="end" aria-label={translate('ra.action.delete')} onClick={onDelete} disabled={isPending}>
            <DeleteIcon />
          </IconButton>
        )
      }
    >
      <ListItemText
        primary={series.name}
        secondary={
          <Box component="span" sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5 }}>
            {series.typeCodes.map((code) => (
              <Chip key={code} size="small" label={typeName(translate, code)} component="span" />
            ))}
          </Box>
        }
      />
    </ListItem>
  );
};

const AddSeries = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [typeCodes, setTypeCodes] = useState<string[]>([]);
  const [create, { isPending }] = useCreate<NumberSeries, HttpError>();
  const onAdd = () =>
    create(
      RESOURCE,
      { data: { name, typeCodes } },
      {
        onSuccess: () => {
          setName('');
          setTypeCodes([]);
          notify('resources.number-registers.series.created', { type: 'success' });
        },
        onError: (error) => notify(error.message, { type: 'error' }),
      },
    );
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField
        size="small"
        fullWidth={false}
        sx={{ width: 220 }}
        data-testid="number-series-name"
        label={translate('resources.number-registers.series.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        select
        size="small"
        fullWidth={false}
        sx={{ width: 300 }}
        data-testid="number-series-types"
        label={translate('resources.number-registers.series.types')}
        value={typeCodes}
        onChange={(event) => setTypeCodes(event.target.value as unknown as string[])}
        slotProps={{ select: { multiple: true, renderValue: (codes) => (codes as string[]).map((code) => typeName(translate, code)).join(', ') } }}
      >
        {DOCUMENT_TYPE_CHOICES.map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {translate(choice.name)}
          </MenuItem>
        ))}
      </TextField>
      <Button variant="outlined" onClick={onAdd} disabled={isPending || !name.trim() || !typeCodes.length}>
        {translate('resources.number-registers.series.add')}
      </Button>
    </Stack>
  );
};
