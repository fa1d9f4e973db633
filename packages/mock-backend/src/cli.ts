/// <reference types="node" />
import { parseCliArgs, USAGE } from './cli-args.ts';
import { startMockServer } from './mock-server.ts';

const args = parseCliArgs(process.argv.slice(2));

if (args.kind === 'help') {
  console.log(USAGE);
} else if (args.kind === 'error') {
  console.error(`streamkit-mock: ${args.message}\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  const server = await startMockServer(args.options);
  console.log(`streamkit-mock listening on ${server.url} (POST ${server.url}/api/chat)`);
  const shutdown = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
