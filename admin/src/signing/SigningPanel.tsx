import type { ReactNode } from 'react';
import { Alert, Card, CardContent, CardHeader, Divider, LinearProgress, Stack } from '@mui/material';
import { useTranslate, type HttpError } from 'react-admin';
import { useAbility } from '../ability';
import type { SigningHolder } from '../dataProvider';
import { CredentialSection } from './CredentialSection';
import { SealSection, SignatureImageSection } from './ImageSection';
import { useOrganisationSigning, useUserSigning } from './useSigning';

/**
 * "Chữ ký số" on a user's page: the certificate the server signs with in this person's name and their
 * signature image. Only for administrators; the server checks the user is in their subtree.
 */
export const UserSigningPanel = ({ userId }: { userId: string }) => {
  const ability = useAbility();
  return ability.can('update', 'User') ? <UserSigning userId={userId} /> : null;
};

/** "Chữ ký số" on an organisation's page: its certificate (the clerk signs with it at issue) and its seal. */
export const OrganisationSigningPanel = ({ organisationId }: { organisationId: string }) => {
  const ability = useAbility();
  return ability.can('update', 'Organisation') ? <OrganisationSigning organisationId={organisationId} /> : null;
};

const UserSigning = ({ userId }: { userId: string }) => {
  const { data, error, dataUpdatedAt } = useUserSigning(userId);
  const holder: SigningHolder = { resource: 'users', id: userId };
  return (
    <SigningCard
      intro="kehoach.signing.intro_user"
      error={error as HttpError | null}
      sections={
        data && [
          <CredentialSection key="credential" holder={holder} credential={data.credential} />,
          <SignatureImageSection key="image" holder={holder} present={data.image} version={dataUpdatedAt} />,
        ]
      }
    />
  );
};

const OrganisationSigning = ({ organisationId }: { organisationId: string }) => {
  const { data, error, dataUpdatedAt } = useOrganisationSigning(organisationId);
  const holder: SigningHolder = { resource: 'organisations', id: organisationId };
  return (
    <SigningCard
      intro="kehoach.signing.intro_organisation"
      error={error as HttpError | null}
      sections={
        data && [
          <CredentialSection key="credential" holder={holder} credential={data.credential} />,
          <SealSection key="seal" holder={holder} diameterMm={data.seal?.diameterMm ?? null} version={dataUpdatedAt} />,
        ]
      }
    />
  );
};

interface SigningCardProps {
  intro: string;
  error: HttpError | null;
  /** undefined while loading */
  sections: ReactNode[] | undefined;
}

const SigningCard = ({ intro, error, sections }: SigningCardProps) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mt: 2, mb: 2 }} data-testid="signing-panel">
      <CardHeader
        title={translate('kehoach.signing.title')}
        subheader={translate(intro)}
        slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 }, subheader: { variant: 'body2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : sections ? (
          <Stack spacing={2} divider={<Divider flexItem />}>
            {sections}
          </Stack>
        ) : (
          <LinearProgress />
        )}
      </CardContent>
    </Card>
  );
};
