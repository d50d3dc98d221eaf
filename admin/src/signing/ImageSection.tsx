import { useState } from 'react';
import { Box, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FilePickButton } from '../common/FilePickButton';
import { signingImageUrl, type SigningHolder } from '../dataProvider';
import { UploadRefusal } from './UploadRefusal';
import { useSigningUpload } from './useSigning';

/** What the server accepts for a seal (signing-keys.controller.ts); a new one is the Front's usual 36 mm. */
const SEAL_DIAMETER = { min: 20, max: 60, usual: 36 };

const PNG = '.png,image/png';

interface ImagePreviewProps {
  holder: SigningHolder;
  /** the image's address changes with it, so a new upload is loaded afresh */
  version: number;
  /** CSS size of the image: the seal at its printed size, a signature at a readable height */
  size: { width: string } | { height: string };
}

/** The stored PNG on white paper, as it will be printed: its transparency shows as the page. */
const ImagePreview = ({ holder, version, size }: ImagePreviewProps) => (
  <Box sx={{ display: 'inline-flex', p: 1, bgcolor: '#fff', border: 1, borderColor: 'divider', borderRadius: 1 }}>
    <Box component="img" src={signingImageUrl(holder, version)} alt="" data-testid="signing-image" sx={{ ...size, maxWidth: '100%', display: 'block' }} />
  </Box>
);

const Missing = ({ text }: { text: string }) => (
  <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="signing-image-missing">
    {text}
  </Typography>
);

/** A leader's signature image: the stored one, and a new PNG with a transparent background. */
export const SignatureImageSection = ({ holder, present, version }: { holder: SigningHolder; present: boolean; version: number }) => {
  const translate = useTranslate();
  const { upload, isPending, problems, dismiss } = useSigningUpload(holder, (methods, file: File) => methods.uploadSigningImage(holder, file), {
    doneMessage: 'kehoach.signing.image_uploaded',
  });
  return (
    <Box data-testid="signing-image-section">
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {translate('kehoach.signing.signature_image')}
      </Typography>
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {present ? <ImagePreview holder={holder} version={version} size={{ height: '80px' }} /> : <Missing text={translate('kehoach.signing.no_signature_image')} />}
        <FilePickButton label={translate('kehoach.signing.upload_signature_image')} name="signing-image" accept={PNG} disabled={isPending} onPick={upload} />
      </Stack>
      <UploadRefusal problems={problems} onClose={dismiss} />
    </Box>
  );
};

/** An organisation's seal: the stored one at its printed size, and a new PNG with its diameter (the stored one's by default). */
export const SealSection = ({ holder, diameterMm, version }: { holder: SigningHolder; diameterMm: number | null; version: number }) => {
  const translate = useTranslate();
  const [diameter, setDiameter] = useState(String(diameterMm ?? SEAL_DIAMETER.usual));
  const { upload, isPending, problems, dismiss } = useSigningUpload(
    holder,
    (methods, file: File) => methods.uploadSigningImage(holder, file, Number(diameter)),
    { doneMessage: 'kehoach.signing.image_uploaded' },
  );
  return (
    <Box data-testid="signing-image-section">
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {translate('kehoach.signing.seal')}
      </Typography>
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        {diameterMm ? (
          <>
            <ImagePreview holder={holder} version={version} size={{ width: `${diameterMm}mm` }} />
            <Typography variant="body2" data-testid="signing-seal-diameter">
              {translate('kehoach.signing.seal_size', { diameter: diameterMm })}
            </Typography>
          </>
        ) : (
          <Missing text={translate('kehoach.signing.no_seal')} />
        )}
      </Stack>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField
          name="signing-seal-diameter"
          type="number"
          size="small"
          label={translate('kehoach.signing.seal_diameter')}
          helperText={translate('kehoach.signing.seal_diameter_helper')}
          value={diameter}
          onChange={(event) => setDiameter(event.target.value)}
          slotProps={{ htmlInput: { min: SEAL_DIAMETER.min, max: SEAL_DIAMETER.max, step: 1 } }}
          sx={{ width: 240 }}
        />
        <FilePickButton label={translate('kehoach.signing.upload_seal')} name="signing-seal" accept={PNG} disabled={isPending || !diameter} onPick={upload} />
      </Stack>
      <UploadRefusal problems={problems} onClose={dismiss} />
    </Box>
  );
};
