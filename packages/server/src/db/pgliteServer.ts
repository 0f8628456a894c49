import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A PostgreSQL wire-protocol server in front of one PGlite engine, for several client connections.
 *
 * PGlite has a single backend session, so connections must take turns at the right granularity:
 * a client's extended-protocol sequence (Parse, Bind, Describe, Execute … Sync) or simple Query is
 * forwarded as one unit, and while the engine is inside a transaction only the connection that
 * opened it is served. (The multiplexer of @electric-sql/pglite-socket 0.2.17 forwards message by
 * message, so two connections' unnamed statements could clobber each other outside transactions.)
 */
export class PgliteServer {
  private server: Server | undefined;
  private readonly queue: { connection: number; batch: Uint8Array; reply: (chunk: Uint8Array) => void; done: () => void }[] = [];
  private running = false;
  private transactionOwner: number | null = null;
  private nextConnection = 1;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly db: PGlite) {}

  async listen(host = '127.0.0.1', port = 0): Promise<string> {
    this.server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, host, () => resolve());
    });
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    return `${host}:${address.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket): void {
    const connection = this.nextConnection++;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let pending: Buffer[] = [];
    let started = false;
    let chain = Promise.resolve();

    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (length === 8 && code === 80877103) {
            socket.write('N'); // SSLRequest: no TLS on loopback
            buffer = buffer.subarray(8);
            continue;
          }
          if (buffer.length < length) return;
          started = true;
          const startup = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          chain = chain.then(() => this.run(connection, startup, socket));
          continue;
        }
        if (buffer.length < 5) return;
        const type = String.fromCharCode(buffer[0] ?? 0);
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (type === 'X') {
          socket.end();
          return;
        }
        pending.push(message);
        // A unit ends where the client waits for the server: Sync, a simple Query, or Flush.
        if (type === 'S' || type === 'Q' || type === 'H') {
          const batch = Buffer.concat(pending);
          pending = [];
          chain = chain.then(() => this.run(connection, batch, socket));
        }
      }
    });
    const cleanup = () => {
      this.sockets.delete(socket);
      chain = chain.then(async () => {
        if (this.transactionOwner === connection) {
          await this.db.exec('ROLLBACK');
          this.transactionOwner = null;
          void this.drain();
        }
      });
    };
    socket.on('close', cleanup);
    socket.on('error', () => socket.destroy());
  }

  private run(connection: number, batch: Uint8Array, socket: Socket): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push({
        connection,
        batch,
        reply: (chunk) => {
          if (socket.writable && chunk.length > 0) socket.write(chunk);
        },
        done: resolve,
      });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.transactionOwner === null ? 0 : this.queue.findIndex((item) => item.connection === this.transactionOwner);
        const item = index >= 0 ? this.queue.splice(index, 1)[0] : undefined;
        if (!item) return;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(item.batch, { onRawData: item.reply }));
        } finally {
          this.transactionOwner = this.db.isInTransaction() ? item.connection : null;
          item.done();
        }
      }
    } finally {
      this.running = false;
    }
  }
}
