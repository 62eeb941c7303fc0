import { constants, createPrivateKey, generateKeyPair, privateEncrypt, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

export interface KeyAndCert {
  readonly keyPem: string;
  readonly certPem: string;
}

const generateRsa = promisify(generateKeyPair);

/** RSA keys come from node:crypto (native, fast); node-forge only builds the X.509 structures (see nativeSigner). */
async function rsaKeyPair(): Promise<{ privateKeyPem: string; publicKeyPem: string }> {
  const { privateKey, publicKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/**
 * A certificate serial as node-forge takes it (hex of the DER INTEGER's content bytes). RFC 5280 §4.1.2.2: a
 * positive integer, and DER (X.690 §8.3.2) forbids a redundant leading byte, so the first byte is 0x40–0x7f: top
 * bit clear (positive) and never 0x00 (a leading zero is padding OpenSSL refuses: "illegal padding"). 126 random bits.
 */
export function serialNumberHex(random: Uint8Array = randomBytes(16)): string {
  if (random.length !== 16) throw new RangeError('serialNumberHex takes 16 random bytes');
  const bytes = Buffer.from(random);
  bytes[0] = (bytes[0]! & 0x3f) | 0x40;
  return bytes.toString('hex');
}

/** DER of SHA-256's DigestInfo up to the hash (RFC 8017 §9.2 note 1): PKCS#1 v1.5 signs this prefix + the digest. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * Signs as node-forge's `key.sign(md)` does (RSASSA-PKCS1-v1_5), but natively: forge's JavaScript big-number RSA
 * took ~0.25 s of CPU per certificate, twice per sandbox start, and the tests start dozens of sandboxes.
 */
export function nativeSigner(privateKeyPem: string): forge.pki.rsa.PrivateKey {
  const key = createPrivateKey(privateKeyPem);
  const sign = (md: forge.md.MessageDigest): string =>
    privateEncrypt(
      { key, padding: constants.RSA_PKCS1_PADDING },
      Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]),
    ).toString('binary');
  return { sign } as unknown as forge.pki.rsa.PrivateKey;
}

export function baseCertificate(publicKeyPem: string, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = serialNumberHex();
  const now = Date.now();
  // Back-dated an hour so a client whose clock is slightly behind still accepts it.
  cert.validity.notBefore = new Date(now - 3600_000);
  cert.validity.notAfter = new Date(now + days * 86_400_000);
  return cert;
}

/** A self-signed CA that only the sandbox uses; clients trust it explicitly (caCertPath), never globally. */
export async function createCertificateAuthority(): Promise<KeyAndCert> {
  const keys = await rsaKeyPair();
  const cert = baseCertificate(keys.publicKeyPem, 3650);
  const subject = [
    { name: 'commonName', value: 'ucbridge sandbox CA' },
    { name: 'organizationName', value: 'ucbridge sandbox' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(nativeSigner(keys.privateKeyPem), forge.md.sha256.create());
  return { keyPem: keys.privateKeyPem, certPem: forge.pki.certificateToPem(cert) };
}

/** The HTTPS server's certificate: SAN IP 127.0.0.1 and DNS localhost, signed by the sandbox CA. */
export async function createServerCertificate(ca: KeyAndCert): Promise<KeyAndCert> {
  const keys = await rsaKeyPair();
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const cert = baseCertificate(keys.publicKeyPem, 397);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
      ],
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(nativeSigner(ca.keyPem), forge.md.sha256.create());
  return { keyPem: keys.privateKeyPem, certPem: forge.pki.certificateToPem(cert) };
}
