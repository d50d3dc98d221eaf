/** Reading a signer's PKCS#12 (.p12/.pfx): OpenSSL 3 defaults (PBES2/AES-256, SHA-256 MAC) and legacy ones. */
import { KeyObject, X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import forge from 'node-forge';
import { SigningError } from '../errors';

export interface Pkcs12Contents {
  privateKey: KeyObject;
  /** The certificate whose public key matches the private key. */
  certificate: X509Certificate;
  /** The other certificates in the file (intermediates, root). */
  chain: X509Certificate[];
}

export function readPkcs12(p12: Buffer, pin: string): Pkcs12Contents {
  const parsed = decodePkcs12(p12, pin);
  const keyBag = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ].find((bag) => bag.key);
  if (!keyBag?.key) throw new SigningError('NO_PRIVATE_KEY', 'Tệp PKCS#12 không chứa khóa bí mật.');
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key as forge.pki.rsa.PrivateKey));
  const certificates = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .filter((bag) => bag.cert)
    .map((bag) => new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert!)).getBytes(), 'binary')));
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const certificate = certificates.find((cert) => cert.publicKey.export({ type: 'spki', format: 'der' }).equals(publicKey));
  if (!certificate) throw new SigningError('INVALID_PKCS12', 'Tệp PKCS#12 không chứa chứng thư số ứng với khóa bí mật.');
  return { privateKey, certificate, chain: certificates.filter((cert) => cert !== certificate) };
}

function decodePkcs12(p12: Buffer, pin: string): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(p12.toString('binary'));
  } catch (error) {
    throw new SigningError('INVALID_PKCS12', 'Tệp chứng thư số (PKCS#12) không đọc được.', { cause: error });
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, pin);
  } catch (error) {
    // forge says "MAC could not be verified. Invalid password?" for a wrong PIN; without a MAC a
    // wrong PIN shows up as undecryptable content.
    if (/password|decrypt|pad/i.test(error instanceof Error ? error.message : String(error))) {
      throw new SigningError('WRONG_PIN', 'Mã PIN của chứng thư số không đúng.', { cause: error });
    }
    throw new SigningError('INVALID_PKCS12', 'Tệp chứng thư số (PKCS#12) không đọc được.', { cause: error });
  }
}
