import { describe, expect, it } from 'vitest';
import { parseOvnPorts } from './suggest-service.js';

describe('OVN port suggestions', () => {
  it('offers VM ports by Neutron name with their IP, and leaves router and localnet ports out', () => {
    const csv = [
      'fe4cbc80-18d7-57a5-abf4-61c85ea7ff1d,fa:16:3e:10:00:03 10.0.0.12,"neutron:device_id=a707c5b5 neutron:device_owner=""compute:nova"" neutron:port_name=db-1-port"',
      'e31b1cc6-621e-5070-a597-000000000001,router,',
      'provnet-f9f6a5e2,unknown,',
      'plain-port,fa:16:3e:00:00:09 192.168.1.9,',
      '',
    ].join('\n');
    expect(parseOvnPorts(csv)).toEqual([
      { value: 'db-1-port', label: 'db-1-port (10.0.0.12) · fe4cbc80-18d7-57a5-abf4-61c85ea7ff1d' },
      { value: 'plain-port', label: 'plain-port (192.168.1.9)' },
    ]);
  });
});
