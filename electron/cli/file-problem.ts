import { AppFailure } from '../../shared/result';

/**
 * What is wrong with a path, in words, from a file-system error: "it does not exist", "permission denied"… Never the
 * runtime's own message (it repeats the path with a syscall name and nothing more useful).
 */
export function fileProblem(e: unknown, doing: 'read' | 'write'): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return doing === 'read' ? 'it does not exist' : 'a folder on the way to it does not exist';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EEXIST':
      return 'a file is in the way';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ELOOP':
      return 'the path has a symbolic link loop';
    case 'EBUSY':
      return 'it is in use';
    default:
      return code ? `the system refused (${code})` : 'an unexpected file-system error';
  }
}

/** A file-system failure on a path the user gave (`--out`): bad input, exit 2, with the path and the problem. */
export function outputPathFailure(path: string, e: unknown): AppFailure {
  return new AppFailure({ code: 'BAD_REQUEST', message: `Cannot write ${path}: ${fileProblem(e, 'write')}.`, hint: 'Choose another --out, or fix the path and run again.' });
}
