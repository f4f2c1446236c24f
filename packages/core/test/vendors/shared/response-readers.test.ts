import { GatewayAuthError, GatewayMalformedResponseError, GatewayRateLimitedError, GatewayRejectedError, GatewayTimeoutError } from '../../../src/errors';
import type { HttpResponse } from '../../../src/transport';
import { expectHttpOk, parseJsonBody, parseXmlBody, xmlAttribute, xmlChildren, xmlText } from '../../../src/vendors/shared';

const response = (status: number, body: string, contentType?: string): HttpResponse => ({
  status,
  body,
  headers: contentType ? { 'content-type': contentType } : {},
});

describe('expectHttpOk', () => {
  it('passes 2xx and accepted statuses through', () => {
    expect(expectHttpOk(response(202, ''), { gateway: 'g' }).status).toBe(202);
    expect(expectHttpOk(response(412, '{}'), { gateway: 'g', acceptStatuses: [412] }).status).toBe(412);
  });

  it('maps 401/403 to an auth error and 429 to rate limiting with Retry-After', () => {
    expect(() => expectHttpOk(response(401, ''), { gateway: 'g' })).toThrow(GatewayAuthError);
    expect(() => expectHttpOk(response(403, ''), { gateway: 'g' })).toThrow(/check the username and password/);
    try {
      expectHttpOk({ status: 429, body: '', headers: { 'retry-after': '3' } }, { gateway: 'g' });
      throw new Error('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(GatewayRateLimitedError);
      expect((error as GatewayRateLimitedError).details['retryAfterMs']).toBe(3000);
      expect((error as GatewayRateLimitedError).retryable).toBe(true);
    }
    expect(() => expectHttpOk(response(408, ''), { gateway: 'g' })).toThrow(GatewayTimeoutError);
  });

  it('makes a 5xx retryable only for idempotent requests or when the vendor says so', () => {
    const retryable = (options: Parameters<typeof expectHttpOk>[1]) => {
      try {
        expectHttpOk(response(503, '<html><body>down</body></html>'), options);
      } catch (error) {
        expect(error).toBeInstanceOf(GatewayRejectedError);
        return (error as GatewayRejectedError).retryable;
      }
      throw new Error('expected a failure');
    };
    expect(retryable({ gateway: 'g' })).toBe(false);
    expect(retryable({ gateway: 'g', idempotent: true })).toBe(true);
    expect(retryable({ gateway: 'g', retryableServerErrors: true })).toBe(true);
  });

  it('points to the URL on 404 and never repeats a secret from the body', () => {
    try {
      expectHttpOk(response(404, 'no route for /x?password=hunter22'), { gateway: 'g', secrets: ['hunter22'] });
    } catch (error) {
      expect((error as Error).message).toMatch(/check the gateway URL/);
      expect(JSON.stringify(error)).not.toContain('hunter22');
      expect((error as GatewayRejectedError).vendorCode).toBe('HTTP 404');
    }
  });
});

describe('parseJsonBody', () => {
  it('parses JSON whatever the content type', () => {
    expect(parseJsonBody(response(200, '{"a":1}', 'text/html'), 'g')).toEqual({ a: 1 });
    expect(parseJsonBody(response(200, '\uFEFF[1]'), 'g')).toEqual([1]);
  });

  it('tells empty bodies, HTML pages, truncated and non-JSON answers apart', () => {
    expect(() => parseJsonBody(response(200, '  '), 'g')).toThrow(/empty body/);
    expect(() => parseJsonBody(response(502, '<!DOCTYPE html><html>Bad gateway</html>'), 'g')).toThrow(
      'The gateway answered an HTML page (HTTP 502) instead of JSON — check the URL',
    );
    expect(() => parseJsonBody(response(200, '{"data": {"a"'), 'g')).toThrow(/truncated/);
    expect(() => parseJsonBody(response(200, 'OK: 1'), 'g')).toThrow(GatewayMalformedResponseError);
    expect(() => parseJsonBody(response(200, '{}', 'text/plain'), 'g', { strictContentType: true })).toThrow(/text\/plain/);
  });
});

describe('parseXmlBody', () => {
  it('reads elements and attributes by name', () => {
    const parsed = parseXmlBody(`<?xml version='1.0' encoding='UTF-8'?><List Count="2"><Item><To /><Text>a &amp; b</Text></Item><Item><Text>00123</Text></Item></List>`, 'g', {
      arrayElements: ['Item'],
    });
    const list = parsed['List'] as Record<string, unknown>;
    expect(xmlAttribute(list, 'Count')).toBe('2');
    const items = xmlChildren(list, 'Item');
    expect(items.map((item) => xmlText(item, 'Text'))).toEqual(['a & b', '00123']);
    expect(xmlText(items[0], 'To')).toBeUndefined();
  });

  it('refuses DOCTYPEs (no entity expansion), HTML, empty and broken documents', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>';
    expect(() => parseXmlBody(bomb, 'g')).toThrow(/DOCTYPE/);
    expect(() => parseXmlBody('<html><body>x</body></html>', 'g')).toThrow(/HTML page/);
    expect(() => parseXmlBody('', 'g')).toThrow(/empty/);
    expect(() => parseXmlBody('ERROR:304 Authentication error', 'g')).toThrow(/not XML/);
    expect(() => parseXmlBody('<List><Item>', 'g')).toThrow(/cannot be read/);
  });
});
