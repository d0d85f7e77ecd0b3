/**
 * RFC 3161 trusted timestamps, with pkijs and asn1js: the request for an original's SHA-256, and the
 * verification of the token an authority returns. A token is accepted only when its signature
 * verifies against the certificate it carries (and, when trusted certificates are given, chains to
 * one of them) and its message imprint is exactly the SHA-256 of the original it is stored beside:
 * a token for other bytes proves nothing about these.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
const NAME_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
};

export interface TimestampRequest {
  /** DER of the TimeStampReq, for `Content-Type: application/timestamp-query`. */
  der: Uint8Array;
  /** Hex of the nonce the answer must repeat. */
  nonce: string;
}

export interface VerifiedTimestamp {
  /** When the authority says the hash existed. */
  time: Date;
  /** The authority's name from the token (its TSA field, else its certificate's subject). */
  authority: string;
  serialNumber: string;
}

export class TimestampInvalid extends Error {
  override readonly name = 'TimestampInvalid';
}

export function timestampRequestFor(sha256Hex: string): TimestampRequest {
  const nonce = randomBytes(8);
  // A positive INTEGER in minimal DER: high bit clear and first byte never zero (a leading zero byte
  // would be a non-minimal encoding, which OpenSSL-based authorities reject as a bad request).
  nonce[0] = (nonce[0]! & 0x7f) | 0x40;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: SHA256_OID,
        algorithmParams: new asn1js.Null(),
      }),
      hashedMessage: new asn1js.OctetString({ valueHex: hexBytes(sha256Hex) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  return { der: new Uint8Array(request.toSchema().toBER(false)), nonce: nonce.toString('hex') };
}

/**
 * The token inside an authority's answer, once verified against the hash asked for (and the nonce
 * sent). Throws TimestampInvalid naming what is wrong: a refusal, a different hash, a bad signature.
 */
export async function tokenFromResponse(
  responseDer: Uint8Array,
  original: StampedOriginal,
  nonce: string,
  trustedCertificates: readonly Uint8Array[] = [],
): Promise<{ token: Uint8Array; verified: VerifiedTimestamp }> {
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(toArrayBuffer(responseDer));
  } catch {
    throw new TimestampInvalid('the authority did not answer with an RFC 3161 time-stamp response');
  }
  const status = response.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods)
    throw new TimestampInvalid(`the authority refused the request (PKI status ${status})`);
  if (!response.timeStampToken) throw new TimestampInvalid('the answer carries no time-stamp token');
  const token = new Uint8Array(response.timeStampToken.toSchema().toBER(false));
  const tstInfo = await verifiedTstInfo(token, original, trustedCertificates);
  const answered = tstInfo.info.nonce
    ? bytesHex(new Uint8Array(tstInfo.info.nonce.valueBlock.valueHexView))
    : null;
  if (answered === null || BigInt(`0x${answered}`) !== BigInt(`0x${nonce}`))
    throw new TimestampInvalid('the answer does not repeat the nonce of the request (a replayed answer?)');
  return { token, verified: tstInfo.verified };
}

/** Verifies a stored token against its original: signature and message imprint. */
export async function verifyTimestampToken(
  token: Uint8Array,
  original: StampedOriginal,
  trustedCertificates: readonly Uint8Array[] = [],
): Promise<VerifiedTimestamp> {
  return (await verifiedTstInfo(token, original, trustedCertificates)).verified;
}

/** The original a token stamps: its SHA-256 and its bytes (the library re-hashes them itself). */
export interface StampedOriginal {
  sha256: string;
  bytes: Uint8Array;
}

async function verifiedTstInfo(
  token: Uint8Array,
  original: StampedOriginal,
  trustedCertificates: readonly Uint8Array[],
): Promise<{ info: pkijs.TSTInfo; verified: VerifiedTimestamp }> {
  const sha256Hex = original.sha256;
  let signedData: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(token));
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
    if (signedData.encapContentInfo.eContentType !== TST_INFO_OID) throw new Error('not TSTInfo');
    const content = signedData.encapContentInfo.eContent;
    if (!content) throw new Error('no content');
    info = pkijs.TSTInfo.fromBER(toArrayBuffer(new Uint8Array(content.getValue())));
  } catch {
    throw new TimestampInvalid('not an RFC 3161 time-stamp token');
  }
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID)
    throw new TimestampInvalid('the token does not stamp a SHA-256 hash');
  const imprint = bytesHex(new Uint8Array(info.messageImprint.hashedMessage.valueBlock.valueHexView));
  if (imprint !== sha256Hex.toLowerCase())
    throw new TimestampInvalid(`the token stamps ${imprint}, not this original's SHA-256 ${sha256Hex}`);
  const trusted = trustedCertificates.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
  let signatureOk = false;
  try {
    signatureOk = await signedData.verify({
      signer: 0,
      data: toArrayBuffer(original.bytes),
      checkChain: trusted.length > 0,
      trustedCerts: trusted,
      checkDate: info.genTime,
    });
  } catch {
    signatureOk = false;
  }
  if (!signatureOk)
    throw new TimestampInvalid(
      trusted.length > 0
        ? 'the token’s signature does not verify against the trusted authority certificates'
        : 'the token’s signature does not verify',
    );
  return {
    info,
    verified: {
      time: info.genTime,
      authority: authorityOf(info, signedData),
      serialNumber: bytesHex(new Uint8Array(info.serialNumber.valueBlock.valueHexView)),
    },
  };
}

function authorityOf(info: pkijs.TSTInfo, signedData: pkijs.SignedData): string {
  if (info.tsa && info.tsa.type === 4 && info.tsa.value instanceof pkijs.RelativeDistinguishedNames)
    return nameOf(info.tsa.value);
  const signer = signedData.signerInfos[0]?.sid;
  const certificate = (signedData.certificates ?? []).find(
    (item): item is pkijs.Certificate =>
      item instanceof pkijs.Certificate &&
      signer instanceof pkijs.IssuerAndSerialNumber &&
      item.serialNumber.isEqual(signer.serialNumber),
  );
  return certificate ? nameOf(certificate.subject) : 'unknown authority';
}

function nameOf(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((entry) => `${NAME_ATTRIBUTES[entry.type] ?? entry.type}=${String(entry.value.valueBlock.value)}`)
    .join(', ');
}

function hexBytes(hex: string): ArrayBuffer {
  return toArrayBuffer(Buffer.from(hex, 'hex'));
}

function bytesHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
