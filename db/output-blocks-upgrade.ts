import type { Db } from './database.js';
import { OutputRepo, type Stream } from './output-repo.js';

/**
 * Migration 007, the part SQL cannot do: cut every recorded output (finished steps' folded text,
 * and the chunks of steps a crash left running) into blocks of lines, then drop the old storage.
 * One step is read at a time, so a case log with large outputs upgrades in bounded memory.
 */
export function moveOutputIntoBlocks(db: Db): void {
  const output = new OutputRepo(db);
  const steps = db.prepare("SELECT id FROM step_results WHERE stdout <> '' OR stderr <> '' ORDER BY id").pluck().all() as number[];
  const read = db.prepare('SELECT stdout, stderr FROM step_results WHERE id = ?');
  for (const id of steps) {
    const row = read.get(id) as { stdout: string; stderr: string };
    output.append([
      { stepId: id, stream: 'stdout', data: row.stdout },
      { stepId: id, stream: 'stderr', data: row.stderr },
    ]);
  }
  const chunked = db.prepare('SELECT DISTINCT step_id FROM step_chunks ORDER BY step_id').pluck().all() as number[];
  const chunks = db.prepare('SELECT stream, data FROM step_chunks WHERE step_id = ? ORDER BY id');
  for (const id of chunked) {
    const rows = chunks.all(id) as Array<{ stream: Stream; data: string }>;
    const text = (stream: Stream): string => rows.filter((r) => r.stream === stream).map((r) => r.data).join('');
    output.append([
      { stepId: id, stream: 'stdout', data: text('stdout') },
      { stepId: id, stream: 'stderr', data: text('stderr') },
    ]);
  }
  db.exec(`
    DROP TABLE step_chunks;
    ALTER TABLE step_results DROP COLUMN stdout;
    ALTER TABLE step_results DROP COLUMN stderr;
  `);
}
