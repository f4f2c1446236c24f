import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePdu } from '../../../src/codec';
import { modemProfiles, startVirtualModemOnPty, type ModemProfileName, type PtyVirtualModem } from '../../../src/modem/virtual';
import { explainGammuRun, runGammu, writeGammuConfig, type GammuRun } from './run-gammu';

/** What each Gammu test gets: a virtual modem on a fresh pty and a gammurc pointing at it. */
export interface GammuSession {
  directory: string;
  pty: PtyVirtualModem;
  config: string;
  /** Runs gammu and expects it to succeed, with the debug log as the explanation when it does not. */
  runOk(args: string[], timeoutMs?: number): Promise<GammuRun>;
}

/**
 * Gammu against the virtual modem: the checks every dialect must pass (identify, send, read the
 * SIM), plus `extraTests` for one profile. Profiles are split over test files so jest runs the
 * slow Gammu processes on several workers.
 */
export function describeGammuAgainst(profileNames: ModemProfileName[], extraTests: (session: GammuSession, profileName: ModemProfileName) => void): void {
  describe.each(profileNames)('Gammu against the virtual modem (%s profile)', (profileName) => {
    const profile = modemProfiles[profileName];
    const session = {
      async runOk(args: string[], timeoutMs?: number) {
        const run = await runGammu(session.config, args, timeoutMs);
        expect({ exitCode: run.exitCode, explanation: explainGammuRun(run, session.directory) }).toEqual({ exitCode: 0, explanation: '' });
        return run;
      },
    } as GammuSession;

    beforeEach(async () => {
      session.directory = mkdtempSync(join(tmpdir(), 'smsbridge-gammu-'));
      session.pty = await startVirtualModemOnPty({ profile: profileName, network: { deliveryDelayMs: 100 }, ussdMenu: { '*100#': 'Balance 5.00 EUR' } });
      session.config = writeGammuConfig(session.directory, session.pty.path);
    });
    afterEach(async () => {
      await session.pty.close();
      rmSync(session.directory, { recursive: true, force: true });
    });

    it('identifies the modem: manufacturer, model, firmware, IMEI and IMSI from the profile', async () => {
      const run = await session.runOk(['identify']);
      expect(run.stdout).toMatch(new RegExp(`Manufacturer\\s*:\\s*${profile.manufacturer}`, 'i'));
      expect(run.stdout).toContain(profile.model);
      expect(run.stdout).toMatch(new RegExp(`IMEI\\s*:\\s*${profile.imei}`));
      expect(run.stdout).toMatch(new RegExp(`SIM IMSI\\s*:\\s*${profile.imsi}`));
    });

    it('sends a text: the modem receives a SUBMIT that decodes to the number and text', async () => {
      const run = await session.runOk(['sendsms', 'TEXT', '+447700900123', '-text', 'Hello from Gammu']);
      expect(`${run.stdout}${run.stderr}`).toMatch(/message reference=0/);
      expect(session.pty.modem.submitted).toHaveLength(1);
      const submit = decodePdu(session.pty.modem.submitted[0]!.pdu);
      expect(submit).toMatchObject({ type: 'submit', address: '+447700900123', text: 'Hello from Gammu' });
    });

    it('reads the messages stored on the SIM (AT+CMGL/AT+CMGR)', async () => {
      session.pty.modem.injectSms({ from: '+447700900555', text: 'Stored for Gammu' });
      const run = await session.runOk(['getallsms']);
      expect(run.stdout).toContain('Stored for Gammu');
      expect(run.stdout).toContain('+447700900555');
    });

    extraTests(session, profileName);
  });
}
