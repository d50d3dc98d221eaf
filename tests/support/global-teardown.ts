import { releaseLibreOffice } from '../documents/libreoffice';
import { dropSeededTemplate } from './seeded-database';

export default async function globalTeardown(): Promise<void> {
  releaseLibreOffice();
  await dropSeededTemplate();
}
