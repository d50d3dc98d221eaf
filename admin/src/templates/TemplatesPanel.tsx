import { Card, CardContent, CardHeader, Divider, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useAbility } from '../ability';
import { TEMPLATE_KINDS } from '../types';
import { TemplateKindSection } from './TemplateKindSection';
import { useTemplates } from './useTemplates';

/**
 * "Mẫu văn bản": the Word templates this organisation's plans are printed with — one section per
 * kind (one issuer, joint), each with its history, upload, download, rollback and reset. Admins only.
 */
export const TemplatesPanel = ({ organisationId }: { organisationId: string }) => {
  const ability = useAbility();
  return ability.can('manage', 'Template') ? <Templates organisationId={organisationId} /> : null;
};

const Templates = ({ organisationId }: { organisationId: string }) => {
  const translate = useTranslate();
  const { data: templates } = useTemplates(organisationId);
  return (
    <Card variant="outlined" sx={{ mt: 2, mb: 2 }} data-testid="templates-panel">
      <CardHeader
        title={translate('resources.organisations.templates.title')}
        subheader={translate('resources.organisations.templates.intro')}
        slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 }, subheader: { variant: 'body2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={2} divider={<Divider flexItem />}>
          {TEMPLATE_KINDS.map((kind) => (
            <TemplateKindSection key={kind} organisationId={organisationId} kind={kind} templates={(templates ?? []).filter((template) => template.kind === kind)} />
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};
