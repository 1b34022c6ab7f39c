/** Interactive terminals opened from a case. */

export type TerminalState = 'open' | 'closed' | 'interrupted';
/** exit: the shell ended; closed: the user closed it; lost: the connection dropped; shutdown: Stackscope stopped. */
export type TerminalCloseReason = 'exit' | 'closed' | 'lost' | 'shutdown';

/** An interactive terminal opened from a case; its output is recorded (asciicast v2, redacted). */
export interface TerminalSession {
  id: number;
  caseId: number;
  nodeId: number | null;
  nodeName: string;
  state: TerminalState;
  /** How it ended, in words (exit status, connection lost...). */
  closeReason: string | null;
  startedAt: string;
  endedAt: string | null;
  /** Size when it opened, in columns and rows. */
  width: number;
  height: number;
  /** Output bytes received from the node. */
  bytes: number;
  /** Who opened it (null for sessions recorded before this was kept). */
  author: string | null;
}
