import type { Cluster } from '../../../main/contract/types.js';

/** One <option> per cluster, valued by id, for every cluster picker. */
export function ClusterOptions(props: { clusters: Cluster[] }) {
  return (
    <>
      {props.clusters.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
}
