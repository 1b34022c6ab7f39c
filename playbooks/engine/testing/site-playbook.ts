/**
 * A site playbook's YAML with one `host` step whose `run` is the given script, indented under a
 * literal block scalar (the script's line N is the file's line N + 13), and one string parameter
 * `x`; tests of placeholder injection put `{{x}}` in the script.
 */
export function sitePlaybookYaml(id: string, run: string, options: { paramDefault?: string } = {}): string {
  return [
    `id: ${id}`,
    `title: { en: ${id}, ko: ${id} }`,
    `description: { en: A site playbook, ko: 사이트 플레이북 }`,
    `appliesTo: [packages]`,
    `roles: [controller]`,
    `params:`,
    `  - { name: x, type: string,${options.paramDefault === undefined ? '' : ` default: ${options.paramDefault},`} description: { en: Any text, ko: 아무 글 } }`,
    `steps:`,
    `  - id: show`,
    `    title: { en: Show, ko: 보기 }`,
    `    service: host`,
    `    run: |`,
    ...run.split('\n').map((l) => (l ? `      ${l}` : l)),
    '',
  ].join('\n');
}
