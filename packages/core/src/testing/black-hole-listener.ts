import { spawn, type ChildProcess } from 'node:child_process';

// Node accepts every connection itself, so a socket that never accepts comes from a small
// Python process: its accept queue is filled at once, and the kernel then drops further SYNs.
const PROGRAM = `
import socket, sys
server = socket.socket()
server.bind(('127.0.0.1', 0))
server.listen(0)
fillers = []
for _ in range(4):
    client = socket.socket()
    client.setblocking(False)
    try:
        client.connect(server.getsockname())
    except BlockingIOError:
        pass
    fillers.append(client)
print(server.getsockname()[1], flush=True)
sys.stdin.read()
`;

/**
 * A 127.0.0.1 port where a connection is never established: a client's connect times out before a
 * byte of its request was written (the "never reached the gateway" timeout). Needs python3.
 */
export class BlackHoleListener {
  private child: ChildProcess | undefined;
  port = 0;

  async start(): Promise<number> {
    const child = spawn('python3', ['-c', PROGRAM], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.child = child;
    this.port = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString('utf8').trim())));
      child.once('exit', (code) => reject(new Error(`the black-hole listener exited (${code}) before it listened`)));
    });
    return this.port;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin!.end();
      child.kill();
    });
  }
}
