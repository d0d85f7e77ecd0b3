/** Runs the real `attest serve` in a child process, as a person starting Attest does. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

export interface RunningServer {
  url: string;
  child: ChildProcess;
  stderr(): string;
  /** Sends `signal` and resolves with the exit code and how long the stop took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

export function startServer(
  env: Record<string, string | undefined>,
  args: string[] = [],
): Promise<RunningServer> {
  const cleanEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
  };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) cleanEnv[key] = value;
  const child = spawn(process.execPath, [join(repoRoot, 'bin/attest.js'), 'serve', '--port', '0', ...args], {
    cwd: repoRoot,
    env: cleanEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /serving on (\S+)/.exec(stderr);
      if (match?.[1])
        resolve({
          url: match[1],
          child,
          stderr: () => stderr,
          async stop(signal = 'SIGTERM') {
            const started = Date.now();
            child.kill(signal);
            const code = await exited;
            return { code, ms: Date.now() - started };
          },
        });
    });
    void exited.then((code) => reject(new Error(`attest serve exited with ${code}: ${stderr}`)));
  });
}

/** Signs in over HTTP and returns a bearer token. */
export async function signInOverHttp(url: string, email: string, password: string): Promise<string> {
  const csrf = 'server-test-csrf-token-0123456789abcdef';
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `attest_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('attest_session='));
  return cookie?.split(';')[0]?.split('=')[1] ?? '';
}
