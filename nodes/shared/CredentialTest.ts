import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';
import { gatewayOfCredential, openClient } from './GatewayHost';
import { safeMessage } from './NodeErrors';

/**
 * The Test button of every smsbridge credential: the gateway's own `verify()` (a harmless
 * authenticated call, or for a modem: answers, SIM ready, registered). A gateway without such a
 * call says so instead of pretending.
 */
export async function testGatewayCredential(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
  const gateway = gatewayOfCredential(credential.type);
  if (!gateway) return { status: 'Error', message: `${credential.type} is not an smsbridge credential` };
  let client;
  try {
    client = openClient(gateway, (credential.data ?? {}) as Record<string, unknown>);
  } catch (error) {
    return { status: 'Error', message: safeMessage(error) };
  }
  try {
    const result = await client.verify();
    if (result.status === 'failed') return { status: 'Error', message: result.message };
    return { status: 'OK', message: result.message };
  } catch (error) {
    return { status: 'Error', message: safeMessage(error) };
  } finally {
    await client.close().catch(() => undefined);
  }
}
