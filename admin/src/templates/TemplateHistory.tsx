import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useNotify, useTranslate, type HttpError } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { DownloadButton } from '../common/DownloadButton';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { OrganisationTemplate } from '../types';
import { useRefreshTemplates } from './useTemplates';

const kilobytes = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** Every uploaded version of one kind, newest first: download any, make an earlier one active again. */
export const TemplateHistory = ({ organisationId, templates }: { organisationId: string; templates: OrganisationTemplate[] }) => {
  const translate = useTranslate();
  if (!templates.length) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {translate('resources.organisations.templates.no_history')}
      </Typography>
    );
  }
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {templates.map((template) => (
        <TemplateRow key={template.id} organisationId={organisationId} template={template} />
      ))}
    </Box>
  );
};

/** One version: its number, file, size, who uploaded it and when; download, and "use this one" unless it is in use. */
const TemplateRow = ({ organisationId, template }: { organisationId: string; template: OrganisationTemplate }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const methods = useKehoachDataProvider();
  const refresh = useRefreshTemplates(organisationId);
  const { mutate: activate, isPending } = useMutation({
    mutationFn: () => methods.activateTemplate(template),
    onSuccess: () => {
      notify('resources.organisations.templates.activated', { type: 'success', messageArgs: { version: template.version } });
      void refresh();
    },
    onError: (error: HttpError) => notify(error.message || 'ra.notification.http_error', { type: 'error' }),
  });
  return (
    <Box
      component="li"
      data-template-version={template.version}
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2, rowGap: 1, py: 1, borderTop: 1, borderColor: 'divider' }}
    >
      <Box sx={{ flex: '1 1 260px', minWidth: 0 }}>
        <Typography variant="body2" sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <strong>{translate('resources.organisations.templates.version', { version: template.version })}</strong>
          {template.active && <Chip size="small" color="success" label={translate('resources.organisations.templates.active')} />}
          <Box component="span" sx={{ wordBreak: 'break-word' }}>
            {template.fileName} · {translate('resources.organisations.templates.size_kb', { size: kilobytes.format(template.size / 1024) })}
          </Box>
        </Typography>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {translate('resources.organisations.templates.uploaded_by', { name: template.uploadedByName ?? '', at: formatDateTime(template.uploadedAt) })}
        </Typography>
      </Box>
      <Stack direction="row" spacing={1}>
        <DownloadButton
          download={() => methods.downloadTemplate(template)}
          label={translate('resources.organisations.templates.download')}
          failedMessage="resources.organisations.templates.download_failed"
        />
        {!template.active && (
          <Button size="small" onClick={() => activate()} disabled={isPending} data-testid="activate-template">
            {translate('resources.organisations.templates.activate')}
          </Button>
        )}
      </Stack>
    </Box>
  );
};
