import {
  createUserAsOperator,
  listUsersAsOperator,
  loadConfig,
  openRuntime,
  type Runtime,
  type RuntimeOptions,
  rotateKeys,
  sealAudit,
  seedDemo,
  startServer,
  verifyAudit,
  writeDemoCredentials,
} from '@haven/server';
import { Command } from 'commander';

/** Runs a command against an opened runtime and always closes it (an open PGlite keeps Node alive). */
async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>, options: RuntimeOptions = {}): Promise<T> {
  const runtime = await openRuntime(loadConfig(), options);
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const program = new Command('haven').description('Haven: case management for children in the context of migration');

program
  .command('serve')
  .description('start the web server (migrates the database first)')
  .action(async () => {
    const server = await startServer(loadConfig());
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() => withRuntime(async () => console.log('Database is up to date.')));

const user = program.command('user').description('manage users');
user
  .command('create')
  .description('create a user (e.g. the first administrator); the password can come from stdin')
  .requiredOption('--email <email>')
  .option('--password <password>', 'at least 12 characters; omit to read it from stdin')
  .requiredOption('--role <role>', 'role key, e.g. administrator, caseworker, supervisor')
  .option('--agency <code>', 'agency code (default: an administration agency is created)')
  .option('--name <name>', 'display name')
  .action(async (opts: { email: string; password?: string; role: string; agency?: string; name?: string }) => {
    const password = opts.password ?? (await readStdin());
    const created = await withRuntime((runtime) => createUserAsOperator(runtime.deps, { ...opts, password }));
    console.log(`Created user ${opts.email} (${opts.role}) in agency ${created.agency}.`);
  });
user
  .command('list')
  .description('list users')
  .action(() =>
    withRuntime(async (runtime) => {
      for (const u of await listUsersAsOperator(runtime.deps)) {
        const flags = [u.active ? 'active' : 'disabled', u.mfa_enabled ? 'mfa' : '', u.locked_until ? 'locked' : '']
          .filter(Boolean)
          .join(',');
        console.log(`${u.email.padEnd(40)} ${u.role.padEnd(20)} ${u.agency.padEnd(8)} ${flags}`);
      }
    }),
  );

const audit = program.command('audit').description('audit trail');
audit
  .command('verify')
  .description('recompute every audit hash chain; exit 1 at the first broken entry')
  .action(() =>
    withRuntime(async (runtime) => {
      const result = await verifyAudit(runtime.deps.db);
      if (result.ok) {
        console.log(`Audit trail intact: ${result.events} events in ${result.chains} chains, ${result.seals} seals.`);
        return;
      }
      const b = result.firstBroken;
      console.error(`Audit trail BROKEN: chain ${b?.chainId} entry ${b?.seq}: ${b?.reason}.`);
      process.exitCode = 1;
    }),
  );
audit
  .command('seal')
  .description('record the current head of every chain (also done every 5 minutes by the server)')
  .action(() => withRuntime(async (runtime) => console.log(`Sealed ${await sealAudit(runtime.deps.db, new Date())} chains.`)));

program
  .command('keys')
  .description('encryption keys')
  .command('rotate')
  .description('add a new key-encryption key, re-wrap every record key and re-encrypt two-factor secrets under it')
  .action(() =>
    // Exclusive: a server running meanwhile would seal new records under a key this rotation retires.
    withRuntime(
      async (runtime) => {
        const r = await rotateKeys(runtime.deps);
        console.log(
          `Active key is now ${r.newKid}: re-wrapped the data keys of ${r.childKeysRewrapped} child records, re-encrypted ${r.secretsReencrypted} two-factor secrets; retired ${r.retired.length} old key(s).`,
        );
      },
      { exclusive: true },
    ),
  );

program
  .command('seed')
  .description('sample data')
  .command('demo')
  .description('create the demo organisation (only on a database without users)')
  .action(() =>
    withRuntime(async (runtime) => {
      const users = await seedDemo(runtime.deps);
      if (!users) {
        console.log('The database already has users: demo organisation not created.');
        return;
      }
      const path = `${runtime.config.dataDir}/demo-credentials.txt`;
      writeDemoCredentials(path, users);
      console.log(`Demo organisation created. Sign-in details: ${path}`);
    }),
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`haven: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
