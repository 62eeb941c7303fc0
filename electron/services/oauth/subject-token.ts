import { readFile, stat } from 'node:fs/promises';
import type { FederationTokenSource } from '../../../shared/contract/auth';
import { authFailure } from '../../../shared/domain/auth-failures';
import { AppFailure } from '../../../shared/result';
import { jwtExpiry, looksLikeJwt } from './jwt-claims';

/**
 * The identity provider's JWT for token federation, read fresh each time a Databricks token is needed (IdP tokens
 * are short-lived and rotated on disk by their agents, e.g. Kubernetes projected tokens). Only a JWT is ever sent
 * on: a path that points at any other file is refused before anything leaves the machine.
 */

const MAX_BYTES = 16 * 1024;

const unreadable = (detail: string) => new AppFailure(authFailure('federation-token-unreadable', { detail }));

export function describeSource(source: FederationTokenSource): string {
  return source.kind === 'file' ? `the file ${source.path}` : `the environment variable ${source.name}`;
}

async function rawToken(source: FederationTokenSource, env: NodeJS.ProcessEnv): Promise<string> {
  switch (source.kind) {
    case 'env': {
      const value = env[source.name];
      if (value === undefined || value.trim() === '') throw unreadable(`${source.name} is not set`);
      return value;
    }
    case 'file': {
      try {
        const info = await stat(source.path);
        if (!info.isFile()) throw unreadable(`${source.path} is not a file`);
        if (info.size > MAX_BYTES) throw unreadable(`${source.path} is larger than a token`);
        return await readFile(source.path, 'utf8');
      } catch (e) {
        if (e instanceof AppFailure) throw e;
        throw unreadable(`${source.path}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      }
    }
  }
}

export async function readSubjectToken(source: FederationTokenSource, now: number, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const token = (await rawToken(source, env)).trim();
  if (!looksLikeJwt(token)) throw unreadable(`${describeSource(source)} does not hold a JWT`);
  const exp = jwtExpiry(token);
  if (exp !== undefined && exp <= now) {
    throw new AppFailure(authFailure('federation-rejected', { detail: `the token in ${describeSource(source)} expired at ${new Date(exp).toISOString()}` }));
  }
  return token;
}
