import { useEffect, useRef, useState } from 'react';
import type { TerminalSession } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { parseCast } from '../terminal/asciicast.js';
import { CastPlayer, type PlayerStatus } from '../terminal/cast-player.js';
import { createScreen } from '../terminal/xterm-setup.js';

const MAX_IDLE_SECONDS = 2;
const speeds = [0.5, 1, 2, 4, 8];

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Plays a recorded session in a read-only terminal at its own size; starts playing when loaded. */
export function ReplayPlayer(props: { session: TerminalSession; onExport: () => void; onClose: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const section = useRef<HTMLElement>(null);
  const [player, setPlayer] = useState<CastPlayer | null>(null);
  const [status, setStatus] = useState<PlayerStatus>({ playing: false, position: 0, duration: 0 });
  const [speed, setSpeed] = useState(1);
  const [error, setError] = useState('');

  useEffect(() => {
    let alive = true;
    let cleanup = (): void => undefined;
    api['terminal.recording']({ sessionId: props.session.id }).then(
      (text) => {
        const el = box.current;
        if (!alive || !el) return;
        let cast;
        try {
          cast = parseCast(text);
        } catch (err) {
          setError(t('terminal.badRecording', { message: errorText(err) }));
          return;
        }
        const screen = createScreen(el, { disableStdin: true, cursorBlink: false, cols: cast.header.width, rows: cast.header.height });
        // xterm does not draw while off screen, and a replay nobody sees is no use.
        section.current?.scrollIntoView({ block: 'nearest' });
        const p = new CastPlayer(screen.term, cast, MAX_IDLE_SECONDS, setStatus);
        setPlayer(p);
        p.play();
        // The clock moves between events too.
        const ticker = setInterval(() => setStatus(p.status()), 250);
        cleanup = () => {
          clearInterval(ticker);
          p.dispose();
          screen.term.dispose();
        };
      },
      (err) => alive && setError(errorText(err)),
    );
    return () => {
      alive = false;
      cleanup();
    };
    // t only formats an error message; a language switch must not restart the replay.
  }, [api, props.session.id]);

  return (
    <section className="replay" ref={section} aria-label={t('terminal.player', { node: props.session.nodeName, session: props.session.id })}>
      <header className="term-toolbar">
        <strong>{t('terminal.player', { node: props.session.nodeName, session: props.session.id })}</strong>
        <button type="button" className="small" disabled={!player} onClick={() => (status.playing ? player?.pause() : player?.play())}>
          {status.playing ? t('terminal.pause') : t('terminal.play')}
        </button>
        <button type="button" className="small" disabled={!player} onClick={() => player?.restart()}>
          {t('terminal.restart')}
        </button>
        <button type="button" className="small" disabled={!player} onClick={() => player?.toEnd()}>
          {t('terminal.toEnd')}
        </button>
        <label className="inline">
          {t('terminal.speed')}
          <select
            value={speed}
            onChange={(e) => {
              const s = Number(e.target.value);
              setSpeed(s);
              player?.setSpeed(s);
            }}
          >
            {speeds.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="term-clock" data-testid="replay-clock">
          {clock(status.position)} / {clock(status.duration)}
        </span>
        <span className="hint">{t('terminal.idleCap', { seconds: MAX_IDLE_SECONDS })}</span>
        <button type="button" className="small" onClick={props.onExport}>
          {t('terminal.export')}
        </button>
        <button type="button" className="small" aria-label={t('terminal.closePlayer')} onClick={props.onClose}>
          ×
        </button>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="term-screen replay-screen" ref={box} data-testid="replay-screen" />
    </section>
  );
}
