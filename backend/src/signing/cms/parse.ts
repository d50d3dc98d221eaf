/** Reads a CMS SignedData (DER or BER) just far enough to verify one signer. */
import { Node, child, octetContent, oidToString, parseAt } from '../asn1/der';
import { OID } from '../asn1/oids';
import { SigningError } from '../errors';

export interface ParsedSigner {
  /** IssuerAndSerialNumber, or a SubjectKeyIdentifier ([0]). */
  issuerRaw?: Buffer;
  serialRaw?: Buffer;
  subjectKeyId?: Buffer;
  digestAlgorithm: string;
  /** The signed attributes re-tagged as `SET OF` (0x31): exactly what was signed. */
  signedAttributes?: Buffer;
  attributes: Map<string, Node[]>;
  signatureAlgorithm: string;
  signature: Buffer;
  unsignedAttributes: Map<string, Node[]>;
}

export interface ParsedCms {
  /** eContentType and the encapsulated content (a time-stamp token's TSTInfo); absent when detached. */
  contentType: string;
  content?: Buffer;
  certificates: Buffer[];
  signers: ParsedSigner[];
  /** Length of the CMS inside a zero-padded /Contents. */
  length: number;
}

export function parseCms(bytes: Buffer): ParsedCms {
  try {
    const contentInfo = parseAt(bytes, 0);
    if (oidToString(child(contentInfo, 0)) !== OID.signedData) throw new RangeError('not SignedData');
    const signedData = child(child(contentInfo, 1), 0);
    const certificatesNode = signedData.children.find((node) => node.tag === 0xa0);
    const signerInfos = signedData.children[signedData.children.length - 1];
    if (!signerInfos || signerInfos.tag !== 0x31 || signerInfos.children.length === 0) throw new RangeError('no signer');
    const encapsulated = child(signedData, 2);
    const eContent = encapsulated.children[1];
    return {
      contentType: oidToString(child(encapsulated, 0)),
      content: eContent ? octetContent(child(eContent, 0)) : undefined,
      // Only plain certificates (SEQUENCE); attribute certificates and others are ignored.
      certificates: (certificatesNode?.children ?? []).filter((node) => node.tag === 0x30).map((node) => Buffer.from(node.raw)),
      signers: signerInfos.children.map(parseSigner),
      length: contentInfo.end,
    };
  } catch (error) {
    if (error instanceof SigningError) throw error;
    throw new SigningError('INVALID_CMS', 'Dữ liệu chữ ký (CMS) không hợp lệ.', { cause: error });
  }
}

function parseSigner(node: Node): ParsedSigner {
  const [, sid, digestAlgorithm, ...rest] = node.children;
  const signedNode = rest[0]?.tag === 0xa0 ? rest.shift() : undefined;
  const [signatureAlgorithm, signature, unsignedNode] = rest;
  const signer: ParsedSigner = {
    digestAlgorithm: oidToString(child(digestAlgorithm, 0)),
    attributes: attributeMap(signedNode),
    signatureAlgorithm: oidToString(child(signatureAlgorithm, 0)),
    signature: octetContent(signature),
    unsignedAttributes: attributeMap(unsignedNode),
  };
  if (sid.tag === 0x30) {
    signer.issuerRaw = Buffer.from(child(sid, 0).raw);
    signer.serialRaw = Buffer.from(child(sid, 1).raw);
  } else {
    signer.subjectKeyId = Buffer.from(sid.content);
  }
  if (signedNode) signer.signedAttributes = Buffer.concat([Buffer.from([0x31]), signedNode.raw.subarray(1)]);
  return signer;
}

function attributeMap(node: Node | undefined): Map<string, Node[]> {
  const map = new Map<string, Node[]>();
  for (const attribute of node?.children ?? []) map.set(oidToString(child(attribute, 0)), child(attribute, 1).children);
  return map;
}
