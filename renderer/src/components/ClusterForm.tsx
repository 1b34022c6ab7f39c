import { useState } from 'react';
import { clusterProfileDefaults, containerEngines, deployments, type ContainerEngine, type Deployment } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { Dialog, FormFooter } from './Dialog.js';

export function ClusterForm(props: { onDone: () => void; onCancel: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const [name, setName] = useState('');
  const [deployment, setDeployment] = useState<Deployment>('packages');
  // The profile fields that matter for the chosen flavour; the others keep their defaults.
  const [containerEngine, setContainerEngine] = useState<ContainerEngine>(clusterProfileDefaults.containerEngine);
  const [namespace, setNamespace] = useState(clusterProfileDefaults.namespace);
  const [error, setError] = useState('');
  return (
    <Dialog title={t('ui.cluster.title')} onClose={props.onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const profile = deployment === 'kolla' ? { containerEngine } : deployment === 'openstack-helm' ? { namespace } : {};
          api['clusters.add']({ name, deployment, ...profile }).then(props.onDone, (err) => setError(errorText(err)));
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
        {deployment === 'kolla' && (
          <label>
            {t('ui.cluster.containerEngine')}
            <select value={containerEngine} onChange={(e) => setContainerEngine(e.target.value as ContainerEngine)}>
              {containerEngines.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        {deployment === 'openstack-helm' && (
          <label>
            {t('ui.cluster.namespace')}
            <input value={namespace} onChange={(e) => setNamespace(e.target.value)} required maxLength={63} />
          </label>
        )}
        <FormFooter error={error} onCancel={props.onCancel} submitLabel={t('ui.cluster.submit')} />
      </form>
    </Dialog>
  );
}
