/**
 * nova-cells: step output → facts. `cell-mappings` prints tab-separated rows `cell NAME UUID
 * DISABLED` and `host HOST CELL CELL_UUID` (mysql -N -B); `compute-services` is cliff's JSON list.
 */
import { lines, parseJson } from '../../engine/analyze-kit.js';

export interface Cell {
  name: string;
  uuid: string;
  disabled: boolean;
  line: string;
}

export interface HostMapping {
  host: string;
  cell: string;
  cellUuid: string;
  line: string;
}

export interface Mappings {
  cells: Cell[];
  hosts: HostMapping[];
}

export const CELL0_UUID = '00000000-0000-0000-0000-000000000000';

export function parseMappings(stdout: string): Mappings {
  const m: Mappings = { cells: [], hosts: [] };
  for (const line of lines(stdout)) {
    const f = line.split('\t');
    if (f[0] === 'cell' && f.length >= 4) m.cells.push({ name: f[1] === 'NULL' ? '' : (f[1] ?? ''), uuid: f[2] ?? '', disabled: f[3] === '1', line });
    else if (f[0] === 'host' && f.length >= 4) m.hosts.push({ host: f[1] ?? '', cell: f[2] === 'NULL' ? '' : (f[2] ?? ''), cellUuid: f[3] ?? '', line });
  }
  return m;
}

export interface ComputeService {
  host: string;
  state: string;
  status: string;
  /** Its object's Host line. */
  line: string;
}

export function parseComputeServices(stdout: string): ComputeService[] | null {
  const rows = parseJson<unknown>(stdout);
  if (!Array.isArray(rows)) return null;
  const hostLines = lines(stdout).filter((l) => /^\s*"Host":/.test(l));
  return (rows as Array<Record<string, unknown>>)
    .filter((r) => String(r.Binary ?? 'nova-compute') === 'nova-compute')
    .map((r, i) => ({ host: String(r.Host ?? ''), state: String(r.State ?? ''), status: String(r.Status ?? ''), line: hostLines.find((l) => l.includes(`"${String(r.Host ?? '')}"`)) ?? hostLines[i] ?? '' }));
}

/** Why the mapping query failed: no Nova API database here, no access, or other. */
export function whyMappingsFailed(t: string): 'no-nova' | 'access' | 'unreachable' | 'other' {
  if (/Unknown database 'nova_api'|Table 'nova_api\.(cell|host)_mappings' doesn't exist|ERROR 1049|ERROR 1146/.test(t)) return 'no-nova';
  if (/Access denied|ERROR 1045|ERROR 1044|ERROR 1142/.test(t)) return 'access';
  if (/Can't connect|ERROR 2002|ERROR 2003|Lost connection/.test(t)) return 'unreachable';
  return 'other';
}
