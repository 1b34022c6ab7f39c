/** A whole-cluster check: every playbook that applies and needs no parameter, in one case. */

/** What `checks.start` started: one run per playbook, in one case. */
export interface CheckStarted {
  caseId: number;
  /** True when the check opened this case (no caseId was given). */
  newCase: boolean;
  runs: Array<{ playbookId: string; runId: number }>;
  /** Playbooks of the catalogue the check leaves out, and why (a parameter to give, another flavour). */
  left: Array<{ playbookId: string; reason: string }>;
}
