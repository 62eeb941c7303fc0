import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { baseCertificate, nativeSigner, serialNumberHex } from './certificates';

/**
 * The serial used to be `'0' + 30 random hex`: node-forge turned it into 0x00 + 15 bytes, and when the first random
 * byte was 0x00 too, the DER INTEGER kept a redundant leading zero that OpenSSL refuses ("illegal padding") — about
 * one certificate in 500, so one sandbox start in 250 failed. Serial rules: RFC 5280 §4.1.2.2, DER: X.690 §8.3.2.
 */
describe('certificate serial numbers', () => {
  it('are positive with no redundant leading byte, whatever the random bytes', () => {
    for (const first of [0x00, 0x01, 0x3f, 0x40, 0x7f, 0x80, 0xc0, 0xff]) {
      for (const second of [0x00, 0x7f, 0x80, 0xff]) {
        const random = new Uint8Array(16).fill(second);
        random[0] = first;
        const bytes = Buffer.from(serialNumberHex(random), 'hex');
        expect(bytes).toHaveLength(16);
        expect(bytes[0]! & 0x80, `first byte ${first}`).toBe(0); // positive
        expect(bytes[0], `first byte ${first}`).not.toBe(0); // no leading zero
        expect(bytes.subarray(1)).toEqual(Buffer.from(random.subarray(1)));
      }
    }
  });

  it('are random (126 bits): no repeats over a few thousand', () => {
    const serials = Array.from({ length: 3000 }, () => serialNumberHex());
    expect(new Set(serials).size).toBe(serials.length);
  });

  it("a few thousand certificates built as the sandbox builds them all parse with Node's X509Certificate", () => {
    // A small key keeps signing fast; the serial, not the key, is what varies (the old scheme failed ~6 in 3000).
    const keys = generateKeyPairSync('rsa', { modulusLength: 512, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const signer = nativeSigner(keys.privateKey);
    const refused: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const cert = baseCertificate(keys.publicKey, 1);
      cert.setSubject([{ name: 'commonName', value: 'serial test' }]);
      cert.setIssuer([{ name: 'commonName', value: 'serial test' }]);
      cert.sign(signer, forge.md.sha256.create());
      try {
        const parsed = new X509Certificate(forge.pki.certificateToPem(cert));
        if (parsed.serialNumber.toLowerCase() !== cert.serialNumber) refused.push(`${cert.serialNumber}: read back as ${parsed.serialNumber}`);
      } catch (e) {
        refused.push(`${cert.serialNumber}: ${(e as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
    // A loaded machine must not turn it into a timeout.
  });
});
