import { describeGammuAgainst } from './gammu-suite';

/** Gammu must accept the Quectel and Huawei dialects too (the SIMCom suite, with Unicode and USSD, is gammu.test.ts). */
describeGammuAgainst(['quectel', 'huawei'], (session, profileName) => {
  if (profileName !== 'huawei') return;
  it('asks USSD in packed GSM 7-bit hex, and Gammu unpacks the reply', async () => {
    const run = await session.runOk(['getussd', '*100#'], 40000);
    expect(run.stdout).toMatch(/Service reply\s*:\s*"Balance 5\.00 EUR"/);
    expect(session.pty.modem.commandLog).toContain('+CUSD=1,"AA180C3602",15');
  }, 60000);
});
