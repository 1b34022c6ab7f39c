import { useState } from 'react';
import { deployments, type Deployment } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';
import { Dialog, FormFooter } from './Dialog.js';

export function ClusterForm(props: { onDone: () => void; onCancel: () => void }) {
  const { api } = useApp();
  const [name, setName] = useState('');
  const [deployment, setDeployment] = useState<Deployment>('packages');
  const [error, setError] = useState('');
  return (
    <Dialog title="Add cluster" onClose={props.onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          api['clusters.add']({ name, deployment }).then(props.onDone, (err) => setError(errorText(err)));
        }}
      >
        <label>
          Name
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="prod-east" required />
        </label>
        <label>
          Deployment
          <select value={deployment} onChange={(e) => setDeployment(e.target.value as Deployment)}>
            {deployments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <FormFooter error={error} onCancel={props.onCancel} submitLabel="Add cluster" />
      </form>
    </Dialog>
  );
}
