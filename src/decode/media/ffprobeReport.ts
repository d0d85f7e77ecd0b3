/**
 * The technical description of a recording or video from ffprobe's JSON: container, duration and
 * each stream's codec and shape. Tags are left out on purpose: they can carry a recording's place
 * (QuickTime location) or its author, and stay in the preserved original only. Pure.
 */
import { z } from 'zod';

export interface MediaStream {
  kind: string;
  codec: string | null;
  width?: number;
  height?: number;
  sampleRate?: number;
  channels?: number;
}

export interface SourceMedia {
  container: string | null;
  durationSeconds: number | null;
  streams: MediaStream[];
}

const positive = z.coerce.number().nonnegative().finite();

const Report = z.object({
  format: z.object({ format_name: z.string().optional(), duration: positive.optional() }).optional(),
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        width: z.number().int().positive().optional(),
        height: z.number().int().positive().optional(),
        sample_rate: z.coerce.number().int().positive().optional(),
        channels: z.number().int().positive().optional(),
      }),
    )
    .optional(),
});

/** The media description, or null when the output is not ffprobe's JSON or names no stream. */
export function mediaFromFfprobe(json: string): SourceMedia | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = Report.safeParse(raw);
  if (!parsed.success || !parsed.data.streams?.length) return null;
  const { format, streams } = parsed.data;
  return {
    container: format?.format_name ?? null,
    durationSeconds: format?.duration ?? null,
    streams: streams.map((stream) => ({
      kind: stream.codec_type ?? 'unknown',
      codec: stream.codec_name ?? null,
      ...(stream.width !== undefined ? { width: stream.width } : {}),
      ...(stream.height !== undefined ? { height: stream.height } : {}),
      ...(stream.sample_rate !== undefined ? { sampleRate: stream.sample_rate } : {}),
      ...(stream.channels !== undefined ? { channels: stream.channels } : {}),
    })),
  };
}
