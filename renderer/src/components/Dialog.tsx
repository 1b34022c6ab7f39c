import { useEffect, useRef, type ReactNode } from 'react';
import { useLang } from '../i18n/index.js';

/** A modal built on <dialog>: focus trapping and Escape come from the platform. */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; label?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={props.label ?? props.title}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2>{props.title}</h2>
      {props.children}
    </dialog>
  );
}

/** The error line and Cancel / submit buttons every form dialog ends with. */
export function FormFooter(props: { error: string; onCancel: () => void; submitLabel: string; disabled?: boolean }) {
  const { t } = useLang();
  return (
    <>
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={props.disabled}>
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}

/** Cancel / confirm for a step that changes the cluster: the confirm button is the dangerous one. */
export function ConfirmActions(props: { onCancel: () => void; onConfirm: () => void; confirmLabel: string }) {
  const { t } = useLang();
  return (
    <div className="actions">
      <button type="button" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
      <button type="button" className="primary danger" onClick={props.onConfirm}>
        {props.confirmLabel}
      </button>
    </div>
  );
}
