import { useState, type ReactNode } from 'react';
import { Box, Chip, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { FilePickButton } from '../common/FilePickButton';
import type { SigningHolder } from '../dataProvider';
import type { SigningCredential } from '../types';
import { UploadRefusal } from './UploadRefusal';
import { useSigningUpload } from './useSigning';

/** One attribute of a distinguished name as Node prints it ("CN=…\nO=…\nC=VN"), or the whole name. */
function nameAttribute(name: string, attribute: 'CN' | 'O'): string | undefined {
  return name
    .split('\n')
    .find((line) => line.startsWith(`${attribute}=`))
    ?.slice(attribute.length + 1);
}

/** "Nguyễn Thị Thu Hà — Ủy ban MTTQ Việt Nam tỉnh Sơn La": the common name, and the organisation when it says more. */
function displayName(name: string): string {
  const common = nameAttribute(name, 'CN') ?? name;
  const organisation = nameAttribute(name, 'O');
  return organisation && organisation !== common ? `${common} — ${organisation}` : common;
}

/** The holder's certificate on record, then a new PKCS#12 with its password. */
export const CredentialSection = ({ holder, credential }: { holder: SigningHolder; credential: SigningCredential | null }) => {
  const translate = useTranslate();
  return (
    <Box data-testid="signing-credential">
      {credential ? (
        <CredentialDetails credential={credential} />
      ) : (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {translate('kehoach.signing.no_credential')}
        </Typography>
      )}
      <CredentialUpload holder={holder} />
    </Box>
  );
};

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
      {label}
    </Typography>
    <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </>
);

const CredentialDetails = ({ credential }: { credential: SigningCredential }) => {
  const translate = useTranslate();
  const expired = Date.parse(credential.validTo) < Date.now();
  return (
    <>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mb: 1 }}>
        <Chip size="small" color={expired ? 'error' : 'success'} label={translate(expired ? 'kehoach.signing.expired' : 'kehoach.signing.in_force')} />
        {credential.test && <Chip size="small" color="warning" label={translate('kehoach.signing.test')} data-testid="signing-test-certificate" />}
      </Stack>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        <Row label={translate('kehoach.signing.holder')}>
          <span data-testid="signing-holder">{displayName(credential.subject)}</span>
        </Row>
        <Row label={translate('kehoach.signing.issuer')}>{displayName(credential.issuer)}</Row>
        <Row label={translate('kehoach.signing.valid')}>
          {translate('kehoach.signing.valid_range', { from: formatDate(credential.validFrom), to: formatDate(credential.validTo) })}
        </Row>
        <Row label={translate('kehoach.signing.serial')}>
          <span data-testid="signing-serial">{credential.serialNumber}</span>
        </Row>
        <Row label={translate('kehoach.signing.uploaded_at')}>{formatDateTime(credential.uploadedAt)}</Row>
      </Box>
    </>
  );
};

/**
 * A .p12/.pfx and its password. The server re-encrypts the key under that password, so it becomes the
 * PIN asked at every signature; the password field is cleared once the key is stored.
 */
const CredentialUpload = ({ holder }: { holder: SigningHolder }) => {
  const translate = useTranslate();
  const [pin, setPin] = useState('');
  const { upload, isPending, problems, dismiss } = useSigningUpload(
    holder,
    (methods, { file, pin }: { file: File; pin: string }) => methods.uploadSigningCredential(holder, file, pin),
    { doneMessage: 'kehoach.signing.credential_uploaded', onStored: () => setPin('') },
  );
  return (
    <Box sx={{ mt: 2 }}>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField
          name="signing-pin"
          type="password"
          size="small"
          autoComplete="new-password"
          label={translate('kehoach.signing.pin')}
          helperText={translate(holder.resource === 'users' ? 'kehoach.signing.pin_helper' : 'kehoach.signing.pin_helper_organisation')}
          value={pin}
          onChange={(event) => setPin(event.target.value)}
          sx={{ minWidth: 240, flex: '1 1 240px', maxWidth: 420 }}
        />
        <FilePickButton
          label={translate('kehoach.signing.upload_credential')}
          name="signing-credential"
          accept=".p12,.pfx,application/x-pkcs12"
          disabled={isPending || !pin}
          onPick={(file) => upload({ file, pin })}
        />
      </Stack>
      <UploadRefusal problems={problems} onClose={dismiss} />
    </Box>
  );
};
