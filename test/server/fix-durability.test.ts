// The venue's durability policy, end to end: fsync is the default, the start-up line names the
// policy and what it survives, and the FIX gateway of a venue under fsync fdatasyncs its session
// stores and order log (counted by its sync group) while one under write has none.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, parseVenueConfig, type VenueConfig } from '../../src/server/venue-config.js';
import { closeFixVenues, CONFIG, onCleanup, Session, startFixVenue } from '../support/fix-venue.js';

afterEach(closeFixVenues);

/** Starts a server on `config` and returns what it said at start-up. */
async function startupLines(config: VenueConfig): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kapita-durability-'));
  onCleanup(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  const lines: string[] = [];
  const server = await startServer({ dataDir, config, say: (line) => lines.push(line) });
  onCleanup(() => server.stop());
  return lines;
}

describe('durability policy', () => {
  it('is fsync unless the config asks for write', () => {
    expect(DEFAULT_CONFIG.durability).toBe('fsync');
    expect(parseVenueConfig({}).durability).toBe('fsync');
    expect(parseVenueConfig({ durability: 'write' }).durability).toBe('write');
  });

  it('is named in the start-up line with what it survives', async () => {
    const base = { ...CONFIG, fix: null };
    const fsync = (await startupLines(base)).filter((line) => line.startsWith('kapita listening on'));
    expect(fsync).toHaveLength(1);
    expect(fsync[0]).toContain('durability fsync: acknowledged orders survive a power loss');
    const write = (await startupLines({ ...base, durability: 'write' })).filter((line) => line.startsWith('kapita listening on'));
    expect(write[0]).toContain('durability write: acknowledged orders survive a process crash, but a power loss can lose them');
  });

  it('under fsync (the default) makes the FIX gateway fdatasync its store and order log before it answers', async () => {
    const { gateway, seller } = await startFixVenue({ ...CONFIG, durability: DEFAULT_CONFIG.durability });
    const group = gateway.syncGroup;
    if (group === undefined) throw new Error('a venue under fsync gave its FIX gateway no sync group');
    const session = await Session.logon(gateway.port, 'DURABLE', seller);
    const afterLogon = group.syncCount;
    // The Logon reply was preceded by syncs of the new session's files (record, messages, directory).
    expect(afterLogon).toBeGreaterThanOrEqual(3);
    session.order('d1', '2', '0.5', '70000.00');
    expect(await session.report(11, 150)).toEqual({ 35: '8', 11: 'd1', 150: '0' });
    // The resting order's log record and the stored report: at least one sync each (grouped per turn).
    expect(group.syncCount).toBeGreaterThanOrEqual(afterLogon + 2);
  });

  it('under write gives the FIX gateway no syncs', async () => {
    const { gateway, seller } = await startFixVenue({ ...CONFIG, durability: 'write' });
    expect(gateway.syncGroup).toBeUndefined();
    const session = await Session.logon(gateway.port, 'FAST', seller);
    session.order('w1', '2', '0.5', '70000.00');
    expect(await session.report(11, 150)).toEqual({ 35: '8', 11: 'w1', 150: '0' });
  });
});
