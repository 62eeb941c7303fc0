import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { AppFailure } from '../../../shared/result';
import { pemCertificates } from '../http/ca-assembly';

/** A CA bundle is a few kilobytes; anything this big is not one. */
const MAX_BYTES = 4 * 1024 * 1024;

const bad = (message: string, hint: string): AppFailure => new AppFailure({ code: 'BAD_REQUEST', message, hint });

/**
 * The certificates of a "CA certificate file" (PEM, one or more certificates), each checked to parse as X.509, so a
 * wrong file is refused when it is chosen rather than failing every later connection.
 */
export async function readCaFile(path: string): Promise<string[]> {
  if (!isAbsolute(path)) throw bad('The CA certificate file must be given by its full path.', 'For example /etc/ssl/certs/company-ca.pem.');
  let text: string;
  try {
    const data = await readFile(path);
    if (data.byteLength > MAX_BYTES) throw bad(`${path} is too large to be a CA certificate file.`, 'Choose the .pem file IT gave you.');
    text = data.toString('utf8');
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppFailure({
      code: code === 'ENOENT' ? 'NOT_FOUND' : 'STORAGE',
      message: code === 'ENOENT' ? `There is no file at ${path}.` : `ucbridge could not read ${path} (${code ?? 'error'}).`,
      hint: 'Check the path, and that your user may read the file.',
    });
  }
  const certificates = pemCertificates(text);
  if (certificates.length === 0) {
    throw bad(`${path} holds no PEM certificate.`, 'Choose a file with "-----BEGIN CERTIFICATE-----" blocks (export the CA as Base-64 / PEM).');
  }
  certificates.forEach((pem, index) => {
    try {
      new X509Certificate(pem);
    } catch {
      throw bad(`Certificate ${index + 1} in ${path} is damaged.`, 'Export the CA certificate again as PEM.');
    }
  });
  return certificates;
}
