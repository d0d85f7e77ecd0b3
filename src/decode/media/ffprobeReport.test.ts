import { describe, expect, it } from 'vitest';
import { mediaFromFfprobe } from './ffprobeReport.ts';

describe('mediaFromFfprobe', () => {
  it('keeps container, duration and stream shapes, and never the tags', () => {
    const json = JSON.stringify({
      streams: [
        {
          codec_type: 'video',
          codec_name: 'h264',
          width: 1920,
          height: 1080,
          tags: { location: '+55.75+037.61/' },
        },
        { codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 },
      ],
      format: {
        format_name: 'mov,mp4,m4a,3gp,3g2,mj2',
        duration: '12.480000',
        tags: { artist: 'A. Witness' },
      },
    });
    const media = mediaFromFfprobe(json);
    expect(media).toEqual({
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      durationSeconds: 12.48,
      streams: [
        { kind: 'video', codec: 'h264', width: 1920, height: 1080 },
        { kind: 'audio', codec: 'aac', sampleRate: 48000, channels: 2 },
      ],
    });
    expect(JSON.stringify(media)).not.toMatch(/Witness|55\.75/);
  });

  it('says null for output that is not ffprobe JSON or names no stream', () => {
    expect(mediaFromFfprobe('not json')).toBeNull();
    expect(mediaFromFfprobe('{"streams":[]}')).toBeNull();
    expect(mediaFromFfprobe('{"format":{"duration":"-3"},"streams":[{"codec_type":"audio"}]}')).toBeNull();
  });
});
