import { describe, expect, it } from 'vitest';
import type { PlaybookParam } from '../../../main/contract/types.js';
import { translate } from '../i18n/index.js';
import { hostProblem, isIp, paramLabel, paramProblem, portProblem } from './field-checks.js';

const t = (key: string, vars?: Record<string, string | number>): string => translate('en', key, vars);
const param = (over: Partial<PlaybookParam>): PlaybookParam => ({ name: 'x', type: 'string', description: { en: '', ko: '' }, required: true, ...over });

describe('field checks: IP, port and host fields are checked as the user types', () => {
  it('accepts IPv4 and IPv6 as the engine does, refuses the rest', () => {
    for (const ok of ['10.0.0.12', '0.0.0.0', '255.255.255.255', 'fd00::1', '::1', 'fe80::1%eth0']) expect(isIp(ok), ok).toBe(true);
    for (const bad of ['10.0.0.300', '10.0.0', '10.0.0.1.2', '01.2.3.4x', 'abc', '', '10.0.0.1; rm -rf /', '$(reboot)', '1:2:3:4:5:6:7:8:9:10']) expect(isIp(bad), bad).toBe(false);
  });

  it('says what a port must be', () => {
    expect(portProblem('22', t)).toBe('');
    expect(portProblem('65535', t)).toBe('');
    for (const bad of ['0', '65536', '-1', '2.5', '22a', '', '1e3', '22 && id']) expect(portProblem(bad, t), bad).toBe('a port number from 1 to 65535');
  });

  it('a node address is an IP or a host name, nothing a shell would read', () => {
    for (const ok of ['10.0.0.11', 'controller-1', 'ctl1.example.com', 'fd00::11']) expect(hostProblem(ok, t), ok).toBe('');
    expect(hostProblem('10.0.0.999', t)).toMatch(/not an IP address/);
    for (const bad of ['ctl 1', 'host;id', '-oProxyCommand=x', 'a..b', `${'a'.repeat(64)}.com`]) expect(hostProblem(bad, t), bad).toMatch(/not an IP address or host name/);
  });

  it('a playbook parameter: required, typed, within its bounds, matching its pattern', () => {
    expect(paramProblem(param({ type: 'ip' }), '', t)).toBe('required');
    expect(paramProblem(param({ type: 'ip' }), '10.0.0.1x', t)).toBe('“10.0.0.1x” is not an IP address (e.g. 10.0.0.12)');
    expect(paramProblem(param({ type: 'port', default: 22 }), '', t)).toBe('');
    expect(paramProblem(param({ type: 'port' }), '70000', t)).toBe('a port number from 1 to 65535');
    expect(paramProblem(param({ type: 'integer', min: 1, max: 3 }), '4', t)).toBe('between 1 and 3');
    expect(paramProblem(param({ type: 'string', pattern: '[a-z]+' }), 'ABC', t)).toBe('not in the expected form');
    expect(paramProblem(param({ type: 'string', pattern: '([' }), 'x', t)).toBe('');
  });

  it("labels a parameter with the playbook's own words in the UI language, not its id", () => {
    const dst = param({ name: 'destination_ip', description: { en: 'Destination IP address (a VM on the same network, or an external address)', ko: '목적지 IP 주소 (같은 네트워크의 VM)' } });
    expect(paramLabel(dst, 'en')).toBe('Destination IP address');
    expect(paramLabel(dst, 'ko')).toBe('목적지 IP 주소');
    expect(paramLabel(param({ name: 'source', description: { en: 'Source port: logical switch port name or UUID', ko: '' } }), 'ko')).toBe('Source port');
    expect(paramLabel(param({ name: 'expected_size', description: { en: '', ko: '' } }), 'en')).toBe('expected_size');
    expect(paramLabel(param({ description: { en: 'A very long description without any separator that goes on and on and on', ko: '' } }), 'en').length).toBeLessThanOrEqual(49);
  });
});
