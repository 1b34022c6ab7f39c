import { useState } from 'react';
import { deployments, type Deployment } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { Dialog, FormFooter } from './Dialog.js';

export function ClusterForm(props: { onDone: () => void; onCancel: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const [name, setName] = useState('');
  const [deployment, setDeployment] = useState<Deployment>('packages');
  const [error, setError] = useState('');
  return (
    <Dialog title={t('ui.cluster.title')} onClose={props.onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          api['clusters.add']({ name, deployment }).then(props.onDone, (err) => setError(errorText(err)));
        }}
      >
        <label>
          {t('ui.cluster.name')}
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="prod-east" required />
        </label>
        <label>
          {t('ui.cluster.deployment')}
          <select value={deployment} onChange={(e) => setDeployment(e.target.value as Deployment)}>
            {deployments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <FormFooter error={error} onCancel={props.onCancel} submitLabel={t('ui.cluster.submit')} />
      </form>
    </Dialog>
  );
}
