import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { OrganisationTemplate, TemplateKind } from '../types';
import { TemplateHistory } from './TemplateHistory';
import { TemplateUpload } from './TemplateUpload';
import { UseShippedButton } from './UseShippedButton';

interface TemplateKindSectionProps {
  organisationId: string;
  kind: TemplateKind;
  /** this kind's versions, newest first */
  templates: OrganisationTemplate[];
}

/** Which template a kind of plan is printed with now, a new upload, and the versions so far. */
export const TemplateKindSection = ({ organisationId, kind, templates }: TemplateKindSectionProps) => {
  const translate = useTranslate();
  const active = templates.find((template) => template.active);
  return (
    <Box data-template-kind={kind}>
      <Typography variant="subtitle2" component="h3">
        {translate(`resources.organisations.templates.kinds.${kind}`)}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }} data-testid="template-active">
        {active
          ? translate('resources.organisations.templates.active_version', { version: active.version, fileName: active.fileName })
          : translate('resources.organisations.templates.active_shipped')}
      </Typography>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'flex-start', mb: 1 }}>
        <TemplateUpload organisationId={organisationId} kind={kind} />
        {active && <UseShippedButton organisationId={organisationId} kind={kind} />}
      </Stack>
      <TemplateHistory organisationId={organisationId} templates={templates} />
    </Box>
  );
};
