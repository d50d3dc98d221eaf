/**
 * PAdES B-T: an RFC 3161 time-stamp over the signature value, added to the CMS as the unsigned
 * attribute signature-time-stamp (RFC 5126 / ETSI EN 319 122-1 §5.3). It proves the signature
 * existed at the TSA's time, independent of the signer's claimed /M.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Node, child, octetContent, oidToString, parseAt, parseDer, seq, set, tlv, octets, oid, integer } from '../asn1/der';
import { OID } from '../asn1/oids';
import { SigningError } from '../errors';
import { checkCms } from './verify';
import { parseCms } from './parse';

export type TimestampTransport = (url: string, request: Buffer) => Promise<Buffer>;

/** POSTs an application/timestamp-query with Node's fetch. */
export const httpTransport: TimestampTransport = async (url, request) => {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/timestamp-query' }, body: new Uint8Array(request) });
  if (!response.ok) throw new Error(`TSA HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
};

/** TimeStampReq { version 1, messageImprint { sha256, hash }, nonce, certReq TRUE }. */
export function timestampRequest(imprint: Buffer, nonce: Buffer): Buffer {
  const nonceInteger = tlv(0x02, nonce[0] & 0x80 ? Buffer.concat([Buffer.from([0]), nonce]) : nonce);
  return seq(integer(1), seq(seq(oid(OID.sha256)), octets(imprint)), nonceInteger, Buffer.from([0x01, 0x01, 0xff]));
}

export interface TimestampInfo {
  time: Date;
  imprint: Buffer;
  imprintAlgorithm: string;
  nonce?: Buffer;
}

/** Reads the TSTInfo of a time-stamp token (a SignedData whose content is the TSTInfo). */
export function readTimestampToken(token: Buffer): TimestampInfo {
  const cms = parseCms(token);
  if (cms.contentType !== OID.tstInfo || !cms.content) throw new SigningError('TIMESTAMP_FAILED', 'Dấu thời gian không hợp lệ (không có TSTInfo).');
  // TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime, accuracy?, ordering?, nonce?, … }
  const info = parseDer(cms.content);
  const imprint = child(info, 2);
  const genTime = child(info, 4).content.toString('latin1');
  const nonce = info.children.slice(5).find((node) => node.tag === 0x02);
  return {
    time: generalizedTime(genTime),
    imprintAlgorithm: oidToString(child(child(imprint, 0), 0)),
    imprint: octetContent(child(imprint, 1)),
    nonce: nonce ? stripZero(nonce.content) : undefined,
  };
}

const stripZero = (bytes: Buffer): Buffer => (bytes.length > 1 && bytes[0] === 0 ? bytes.subarray(1) : Buffer.from(bytes));

/** GeneralizedTime YYYYMMDDHHMMSS[.fff]Z. */
function generalizedTime(text: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(text);
  if (!match) throw new SigningError('TIMESTAMP_FAILED', 'Dấu thời gian không hợp lệ (thời gian sai định dạng).');
  const [, y, mo, d, h, mi, s, fraction] = match;
  return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, fraction ? Math.round(Number(fraction) * 1000) : 0));
}

/** Checks a token: its own CMS signature, and that it stamps `signatureValue`. */
export function checkTimestampToken(token: Buffer, signatureValue: Buffer): { info: TimestampInfo; valid: boolean } {
  const info = readTimestampToken(token);
  const cms = parseCms(token);
  const check = checkCms(token, cms.content!);
  const hash = info.imprintAlgorithm === OID.sha256 ? 'sha256' : info.imprintAlgorithm === OID.sha512 ? 'sha512' : info.imprintAlgorithm === OID.sha384 ? 'sha384' : 'sha1';
  const imprintMatches = createHash(hash).update(signatureValue).digest().equals(info.imprint);
  return { info, valid: check.digestMatches && check.signatureValid && imprintMatches };
}

/**
 * Asks the TSA for a token over the CMS's signature value and returns the CMS with it added.
 * Works for any CMS (ours or a token's), before `embedSignature`.
 */
export async function addSignatureTimestamp(cms: Buffer, tsaUrl: string, transport: TimestampTransport = httpTransport): Promise<Buffer> {
  const signer = parseCms(cms).signers[0];
  const imprint = createHash('sha256').update(signer.signature).digest();
  const nonce = randomBytes(8);
  let response: Buffer;
  try {
    response = await transport(tsaUrl, timestampRequest(imprint, nonce));
  } catch (error) {
    throw new SigningError('TIMESTAMP_FAILED', 'Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian (TSA).', { cause: error });
  }
  const token = tokenFromResponse(response);
  const { info, valid } = checkTimestampToken(token, signer.signature);
  if (!valid || !info.nonce?.equals(stripZero(nonce))) {
    throw new SigningError('TIMESTAMP_FAILED', 'Dấu thời gian nhận được không khớp với chữ ký.');
  }
  return withUnsignedAttribute(cms, seq(oid(OID.signatureTimeStampToken), set(token)));
}

/** TimeStampResp { status PKIStatusInfo { status, … }, timeStampToken? }; status 0/1 = granted. */
function tokenFromResponse(response: Buffer): Buffer {
  try {
    const root = parseAt(response, 0);
    const status = child(child(root, 0), 0).content.readUIntBE(0, child(child(root, 0), 0).content.length);
    if (status > 1 || !root.children[1]) throw new Error(`TSA status ${status}`);
    return Buffer.from(root.children[1].raw);
  } catch (error) {
    throw new SigningError('TIMESTAMP_FAILED', 'Máy chủ cấp dấu thời gian (TSA) từ chối yêu cầu.', { cause: error });
  }
}

/** Rebuilds ContentInfo → SignedData → first SignerInfo with one more unsigned attribute. */
function withUnsignedAttribute(cms: Buffer, attribute: Buffer): Buffer {
  const contentInfo = parseAt(cms, 0);
  const signedData = child(child(contentInfo, 1), 0);
  const signerInfos = signedData.children[signedData.children.length - 1];
  const [first, ...others] = signerInfos.children;
  const existing = first.children[first.children.length - 1].tag === 0xa1 ? first.children[first.children.length - 1] : undefined;
  const kept = first.children.filter((node) => node !== existing).map(raw);
  const unsigned = tlv(0xa1, Buffer.concat([...(existing?.children.map(raw) ?? []), attribute]));
  const signerInfo = seq(...kept, unsigned);
  const newSignedData = seq(...signedData.children.slice(0, -1).map(raw), set(signerInfo, ...others.map(raw)));
  return seq(raw(child(contentInfo, 0)), tlv(0xa0, newSignedData));
}

const raw = (node: Node): Buffer => Buffer.from(node.raw);
