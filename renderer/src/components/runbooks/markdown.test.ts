import { describe, expect, it } from 'vitest';
import { parseBlocks } from './Markdown.js';

describe('runbook Markdown', () => {
  it('splits paragraphs, lists and fenced code, joining wrapped lines', () => {
    const md = ['First line', 'still first.', '', '- one', '  continued', '- two', '', '1. a', '2. b', '', '```text', '## not a heading', '  kept  as is', '```', 'After.'].join('\n');
    expect(parseBlocks(md)).toEqual([
      { kind: 'p', text: 'First line still first.' },
      { kind: 'ul', items: ['one continued', 'two'] },
      { kind: 'ol', items: ['a', 'b'] },
      { kind: 'code', text: '## not a heading\n  kept  as is' },
      { kind: 'p', text: 'After.' },
    ]);
  });
});
