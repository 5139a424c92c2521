// QuickFIX's 60 FIX 5.0 SP2 / FIXT.1.1 session acceptance scripts against our acceptor on
// 127.0.0.1, with the echo application behind the session layer: one test per script. A failure
// names the script line, the reason, and the expected and received messages (SOH shown as '|').
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FixAcceptor } from '../../src/fix/acceptor.js';
import { defaultDictionaryPaths, loadFixDictionary } from '../../src/fix/dictionary.js';
import { acceptAnyLogon } from '../../src/fix/session-types.js';
import { createEchoApplication } from './echo-application.js';
import { readPatterns, runScript } from './script-runner.js';

const DATA = fileURLToPath(new URL('./data/', import.meta.url));
const SCRIPTS = readdirSync(join(DATA, 'fix50sp2'))
  .filter((name) => name.endsWith('.def'))
  .sort();
const PATTERNS = readPatterns(readFileSync(join(DATA, 'fields.fmt'), 'utf8'));

async function settled(acceptor: FixAcceptor): Promise<void> {
  // The next script logs on to the same session: wait until the last one's connections are gone.
  const deadline = Date.now() + 5_000;
  while ((acceptor.connectionCount > 0 || acceptor.sessions().some((session) => session.isConnected)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('QuickFIX FIX 5.0 SP2 session acceptance', () => {
  let acceptor: FixAcceptor;
  const events: string[] = [];

  beforeAll(async () => {
    const dictionary = loadFixDictionary(defaultDictionaryPaths());
    acceptor = await FixAcceptor.start({
      dictionary,
      profiles: [{ kind: 'fixed', senderCompId: 'ISLD', targetCompId: 'TW50SP2', resetOnLogon: true }],
      authenticate: acceptAnyLogon,
      application: createEchoApplication(dictionary),
      limits: { tickMs: 100 },
      onEvent: (key, text) => events.push(`${key}: ${text}`),
    });
  });

  afterAll(async () => {
    await acceptor.close();
  });

  it.each(SCRIPTS)('%s', { timeout: 120_000 }, async (script) => {
    await settled(acceptor);
    events.length = 0;
    const failure = await runScript(readFileSync(join(DATA, 'fix50sp2', script), 'latin1'), acceptor.port, PATTERNS);
    if (failure !== null) {
      const lines = [`line ${failure.line}: ${failure.reason}`, `  script:   ${failure.source}`];
      if (failure.expected !== undefined) lines.push(`  expected: ${failure.expected}`);
      if (failure.received !== undefined) lines.push(`  received: ${failure.received}`);
      lines.push('  session events:', ...events.slice(-15).map((event) => `    ${event}`));
      throw new Error(lines.join('\n'));
    }
  });
});
