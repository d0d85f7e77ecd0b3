/**
 * Web pages to capture, served by the test itself on 127.0.0.1 (never the internet): a Russian page
 * with an image, a redirect to it, a redirect loop, a removed page (404), a failing one (500), one
 * that never answers and one that would send 200 MB.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';

export const RUSSIAN_PAGE_WORD = 'правозащитница';
export const RUSSIAN_PAGE = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Задержание в Казани</title></head>
<body><article><h1>Задержание в Казани</h1>
<p>12 мая 2017 года полиция задержала известную ${RUSSIAN_PAGE_WORD} Анну Петрову у здания суда.</p>
<p>По словам свидетелей, её увезли в неизвестном направлении; адвоката к ней не допустили.</p>
<img src="/red.png" alt="фото" width="120" height="80"></article></body></html>`;

/** A PNG of one colour, made here so the fixture carries no binary file. */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).fill(Buffer.from([r, g, b]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface CapturePages {
  origin: string;
  /** How many times the image was fetched (the page was rendered with it). */
  imageRequests: () => number;
  close: () => Promise<void>;
}

const html = (response: ServerResponse, status: number, body: string) =>
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'x-fixture': 'attest' }).end(body);

export async function startCapturePages(): Promise<CapturePages> {
  let images = 0;
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    switch (path) {
      case '/ru':
        return html(response, 200, RUSSIAN_PAGE);
      case '/red.png':
        images += 1;
        return response.writeHead(200, { 'content-type': 'image/png' }).end(solidPng(120, 80, [200, 30, 30]));
      case '/old-address':
        return response.writeHead(301, { location: '/moved' }).end();
      case '/moved':
        return response.writeHead(302, { location: '/ru' }).end();
      case '/loop-a':
        return response.writeHead(302, { location: '/loop-b' }).end();
      case '/loop-b':
        return response.writeHead(302, { location: '/loop-a' }).end();
      case '/removed':
        return html(
          response,
          404,
          '<!doctype html><title>Not found</title><h1>Страница удалена</h1><p>This page was removed.</p>',
        );
      case '/broken':
        return html(response, 500, '<!doctype html><title>Error</title><h1>Internal Server Error</h1>');
      case '/slow':
        hanging.add(response);
        return;
      case '/huge': {
        // 200 MB, produced only as fast as the client reads: a capture must stop long before the end.
        response.writeHead(200, { 'content-type': 'text/html' });
        const block = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 200) {
            sent += 1;
            if (!response.write(block)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.on('close', () => {
          sent = 200;
        });
        return pump();
      }
      default:
        return html(response, 404, 'no such fixture');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    imageRequests: () => images,
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
