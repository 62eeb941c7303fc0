import type { RestRequest, RestResponse, RestRoute } from '../contracts';
import { ucErrors } from '../catalog/errors';
import type { OpContext } from '../catalog/ops/context';
import type { VolumeRef } from '../catalog/resolve';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { route } from './http';

const BASE = '/api/2.0/fs/files/Volumes';

/** `/Volumes/<catalog>/<schema>/<volume>/<path>` → the volume and the file path inside it (reference §4.10). */
function locate(uc: UnityCatalog, req: RestRequest): { ref: VolumeRef; path: string } {
  const parts = (req.params['*'] ?? '').split('/');
  if (parts.length < 4 || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw ucErrors.invalidParameter(`Invalid path '/Volumes/${req.params['*'] ?? ''}': expected /Volumes/<catalog>/<schema>/<volume>/<file path>.`);
  }
  const [c, s, v, ...rest] = parts;
  return { ref: uc.resolve.volume(c!, s!, v!), path: rest.join('/') };
}

/** READ VOLUME / WRITE VOLUME on the volume (inherited too) with usage on its parents (R12). */
function requireVolume(ctx: OpContext, ref: VolumeRef, privilege: 'READ_VOLUME' | 'WRITE_VOLUME'): void {
  ctx.uc.authz.requireUsage(ctx.subject, ref);
  ctx.uc.authz.require(ctx.subject, ref, privilege);
}

/** `bytes=a-b` / `bytes=a-` / `bytes=-n` → a slice, or undefined for no (or an unsatisfiable) range. */
function range(header: string | undefined, size: number): [number, number] | undefined | 'invalid' {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? 'invalid' : [start, end];
}

/** The Files API on volumes: PUT (overwrite default true), GET (with Range), HEAD, DELETE. */
export function fileRoutes(uc: UnityCatalog): RestRoute[] {
  const read = async (req: RestRequest, ctx: OpContext, head: boolean): Promise<RestResponse> => {
    const { ref, path } = locate(uc, req);
    requireVolume(ctx, ref, 'READ_VOLUME');
    const file = await uc.files.get(ref.volume.id, path);
    if (!file) throw ucErrors.notFound(`The file /Volumes/${req.params['*']} does not exist.`);
    const headers = { 'content-type': 'application/octet-stream', 'last-modified': file.modified.toUTCString(), 'accept-ranges': 'bytes' };
    if (head) return { status: 200, headers: { ...headers, 'content-length': String(file.bytes.length) } };
    const r = range(req.headers.range, file.bytes.length);
    if (r === 'invalid') return { status: 416, headers: { 'content-range': `bytes */${file.bytes.length}` }, raw: Buffer.alloc(0) };
    if (r === undefined) return { status: 200, headers, raw: file.bytes };
    return { status: 206, headers: { ...headers, 'content-range': `bytes ${r[0]}-${r[1]}/${file.bytes.length}` }, raw: file.bytes.subarray(r[0], r[1] + 1) };
  };
  return [
    route(uc, 'PUT', `${BASE}/*`, 'filesUpload', async (req, ctx) => {
      // "The file contents should be sent as the request body as raw bytes (an octet stream)"
      // (https://docs.databricks.com/api/workspace/files/upload); the official SDKs send Content-Type
      // application/octet-stream. What Databricks answers another type is not documented: the sandbox refuses it.
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/octet-stream') {
        throw ucErrors.invalidParameter(`Upload the file as raw bytes with Content-Type application/octet-stream, not '${type || 'none'}'.`);
      }
      const { ref, path } = locate(uc, req);
      requireVolume(ctx, ref, 'WRITE_VOLUME');
      if (req.query.get('overwrite') === 'false' && (await uc.files.get(ref.volume.id, path))) {
        throw ucErrors.alreadyExists(`The file /Volumes/${req.params['*']} already exists.`);
      }
      await uc.files.put(ref.volume.id, path, req.rawBody);
      return { status: 204 };
    }),
    route(uc, 'GET', `${BASE}/*`, 'filesDownload', (req, ctx) => read(req, ctx, false)),
    route(uc, 'HEAD', `${BASE}/*`, 'filesGetMetadata', (req, ctx) => read(req, ctx, true)),
    route(uc, 'DELETE', `${BASE}/*`, 'filesDelete', async (req, ctx) => {
      const { ref, path } = locate(uc, req);
      requireVolume(ctx, ref, 'WRITE_VOLUME');
      if (!(await uc.files.delete(ref.volume.id, path))) throw ucErrors.notFound(`The file /Volumes/${req.params['*']} does not exist.`);
      return { status: 204 };
    }),
  ];
}
