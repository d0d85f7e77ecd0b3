/**
 * A time-stamping authority made in the test itself: a throwaway CA and TSA certificate from
 * `openssl` in a temporary directory, and `openssl ts -reply` answering RFC 3161 requests behind a
 * tiny HTTP server on 127.0.0.1. Nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalTsa {
  url: string;
  /** DER of the throwaway CA that signed the TSA's certificate. */
  caDer: Uint8Array;
  /** The same CA as a PEM file (for ATTEST_TSA_CA_FILE). */
  caFile: string;
  /** Requests answered so far. */
  answered: () => number;
  /** While offline the server answers 503, as an unreachable authority's proxy would. */
  setOffline: (offline: boolean) => void;
  close: () => Promise<void>;
}

const TSA_CONFIG = `
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = Attest Test TSA
O = Attest tests
[ tsa_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = DIR
serial = DIR/serial
crypto_device = builtin
signer_cert = DIR/tsa.pem
certs = DIR/ca.pem
signer_key = DIR/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-tsa-'));
  const run = (args: string[], input?: Buffer) =>
    execFileSync('openssl', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] });
  writeFileSync(join(dir, 'tsa.cnf'), TSA_CONFIG.replaceAll('DIR', dir));
  writeFileSync(join(dir, 'serial'), '01\n');
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Attest Test CA',
  ]);
  run([
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'tsa.key',
    '-out',
    'tsa.csr',
    '-config',
    'tsa.cnf',
  ]);
  run([
    'x509',
    '-req',
    '-in',
    'tsa.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'tsa.pem',
    '-days',
    '2',
    '-extfile',
    'tsa.cnf',
    '-extensions',
    'tsa_ext',
  ]);
  const caDer = new Uint8Array(run(['x509', '-in', 'ca.pem', '-outform', 'DER']));
  let offline = false;
  let answered = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (offline) {
        response.writeHead(503).end();
        return;
      }
      try {
        const query = join(dir, `query-${answered}.tsq`);
        writeFileSync(query, Buffer.concat(chunks));
        const reply = run(['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', query]);
        answered += 1;
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(reply);
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    caDer,
    caFile: join(dir, 'ca.pem'),
    answered: () => answered,
    setOffline: (value) => {
      offline = value;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
