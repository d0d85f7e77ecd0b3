/**
 * A JPEG carrying a camera's EXIF block with a GPS position (55°45'N, 37°37'E), inserted after the
 * start-of-image marker as phones write it: what a witness's photo holds before it is published.
 */
export const GPS_LATITUDE = [55, 1, 45, 1, 2107, 100];

function exifWithGps(): Buffer {
  // TIFF header (8) + IFD0 with one entry (2 + 12 + 4) = 26; GPS IFD with one entry (2 + 12 + 4)
  // = 18; then the rational values (3 × 8).
  const tiff = Buffer.alloc(26 + 18 + 24);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x8825, 10); // GPSInfo
  tiff.writeUInt16LE(4, 12); // LONG
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt32LE(26, 18); // GPS IFD offset
  tiff.writeUInt32LE(0, 22);
  tiff.writeUInt16LE(1, 26);
  tiff.writeUInt16LE(0x0002, 28); // GPSLatitude
  tiff.writeUInt16LE(5, 30); // RATIONAL
  tiff.writeUInt32LE(3, 32);
  tiff.writeUInt32LE(44, 36);
  tiff.writeUInt32LE(0, 40);
  for (const [index, value] of GPS_LATITUDE.entries()) tiff.writeUInt32LE(value, 44 + index * 4);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

export function withGpsExif(jpeg: Uint8Array): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const payload = exifWithGps();
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return new Uint8Array(
    Buffer.concat([Buffer.from(jpeg.subarray(0, 2)), header, payload, Buffer.from(jpeg.subarray(2))]),
  );
}

/** Whether `bytes` still hold an EXIF block (the marker every EXIF payload starts with). */
export function hasExif(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).includes(Buffer.from('Exif\0\0', 'latin1'));
}
