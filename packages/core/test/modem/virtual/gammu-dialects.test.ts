import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePdu } from '../../../src/codec';
import { modemProfiles, startVirtualModemOnPty, type ModemProfileName, type PtyVirtualModem } from '../../../src/modem/virtual';
import { explainGammuRun, runGammu, writeGammuConfig } from './run-gammu';

/** Gammu must accept the Quectel and Huawei dialects too (the SIMCom suite, with Unicode and USSD, is gammu.test.ts). */
describe.each<ModemProfileName>(['quectel', 'huawei'])('Gammu against the virtual modem (%s profile)', (profileName) => {
  const profile = modemProfiles[profileName];
  let directory: string;
  let pty: PtyVirtualModem;
  let config: string;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'smsbridge-gammu-'));
    pty = await startVirtualModemOnPty({ profile: profileName, network: { deliveryDelayMs: 100 }, ussdMenu: { '*100#': 'Balance 5.00 EUR' } });
    config = writeGammuConfig(directory, pty.path);
  });
  afterEach(async () => {
    await pty.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('identifies the modem: manufacturer, model, firmware, IMEI and IMSI from the profile', async () => {
    const run = await runGammu(config, ['identify']);
    expect({ exitCode: run.exitCode, explanation: explainGammuRun(run, directory) }).toEqual({ exitCode: 0, explanation: '' });
    expect(run.stdout).toMatch(new RegExp(`Manufacturer\\s*:\\s*${profile.manufacturer}`, 'i'));
    expect(run.stdout).toContain(profile.model);
    expect(run.stdout).toMatch(new RegExp(`IMEI\\s*:\\s*${profile.imei}`));
    expect(run.stdout).toMatch(new RegExp(`SIM IMSI\\s*:\\s*${profile.imsi}`));
  });

  it('sends a text: the modem receives a SUBMIT that decodes to the number and text', async () => {
    const run = await runGammu(config, ['sendsms', 'TEXT', '+447700900123', '-text', 'Hello from Gammu']);
    expect({ exitCode: run.exitCode, explanation: explainGammuRun(run, directory) }).toEqual({ exitCode: 0, explanation: '' });
    expect(`${run.stdout}${run.stderr}`).toMatch(/message reference=0/);
    expect(pty.modem.submitted).toHaveLength(1);
    const submit = decodePdu(pty.modem.submitted[0]!.pdu);
    expect(submit).toMatchObject({ type: 'submit', address: '+447700900123', text: 'Hello from Gammu' });
  });

  it('reads the messages stored on the SIM (AT+CMGL/AT+CMGR)', async () => {
    pty.modem.injectSms({ from: '+447700900555', text: 'Stored for Gammu' });
    const run = await runGammu(config, ['getallsms']);
    expect({ exitCode: run.exitCode, explanation: explainGammuRun(run, directory) }).toEqual({ exitCode: 0, explanation: '' });
    expect(run.stdout).toContain('Stored for Gammu');
    expect(run.stdout).toContain('+447700900555');
  });

  if (profileName === 'huawei') {
    it('asks USSD in packed GSM 7-bit hex, and Gammu unpacks the reply', async () => {
      const run = await runGammu(config, ['getussd', '*100#'], 40000);
      expect({ exitCode: run.exitCode, explanation: explainGammuRun(run, directory) }).toEqual({ exitCode: 0, explanation: '' });
      expect(run.stdout).toMatch(/Service reply\s*:\s*"Balance 5\.00 EUR"/);
      expect(pty.modem.commandLog).toContain('+CUSD=1,"AA180C3602",15');
    }, 60000);
  }
});
