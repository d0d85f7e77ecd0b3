/**
 * Technical metadata of a preserved recording or video, from ffprobe (Debian package ffmpeg) when
 * it is installed: it is optional, and a source without it is preserved all the same. ffprobe reads
 * the untrusted file in a child process under the same limits as OCR.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceMedia } from '../../decode/media/ffprobeReport.ts';
import { mediaFromFfprobe } from '../../decode/media/ffprobeReport.ts';
import { runBounded } from '../ocr/boundedProcess.ts';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from '../ocr/ocrSettings.ts';

export type MediaProbe =
  | { kind: 'probed'; media: SourceMedia }
  /** Not described, for a reason the reviewer is told. */
  | { kind: 'not-probed'; reason: string };

/** Audio and video are probed; images, text and documents are not. */
export function probeReads(mediaType: string): boolean {
  return mediaType.startsWith('audio/') || mediaType.startsWith('video/');
}

export async function probeMedia(
  bytes: Uint8Array,
  settings: OcrSettings = DEFAULT_OCR_SETTINGS,
): Promise<MediaProbe> {
  const directory = await mkdtemp(join(tmpdir(), 'attest-media-'));
  try {
    const path = join(directory, 'original');
    await writeFile(path, bytes, { mode: 0o600 });
    const result = await runBounded(
      'ffprobe',
      [
        '-v',
        'error',
        '-show_entries',
        'format=format_name,duration:stream=codec_type,codec_name,width,height,sample_rate,channels',
        '-of',
        'json',
        path,
      ],
      { timeoutMs: settings.pageTimeoutMs, memoryMb: settings.memoryMb },
    );
    if (result.kind === 'missing')
      return {
        kind: 'not-probed',
        reason: 'media metadata not read, ffprobe not installed (Debian package ffmpeg)',
      };
    if (result.kind !== 'exited' || result.code !== 0)
      return { kind: 'not-probed', reason: 'media metadata not read, ffprobe could not read the file' };
    const media = mediaFromFfprobe(result.stdout);
    return media
      ? { kind: 'probed', media }
      : { kind: 'not-probed', reason: 'media metadata not read, no audio or video stream found' };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
