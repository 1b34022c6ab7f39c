#!/bin/sh
# What Kubernetes says of its nodes and storage, in one go on one node with kubectl: the nodes
# (conditions, cordons, openstack-helm's node labels), the PersistentVolumeClaims of every
# namespace and the ProvisioningFailed events that say why one is Pending, and the pods that
# ended Failed (the kubelet's evictions). Each section starts with a `== ` line; kubectl's own
# refusals land in their section, so one failing listing never hides the others.
rc=0
echo '== nodes'
kubectl get nodes -o json 2>&1 || rc=1
echo '== pvc'
kubectl get pvc -A -o json 2>&1 || rc=1
echo '== provisioning-failed'
kubectl get events -A --field-selector reason=ProvisioningFailed -o json 2>&1 || rc=1
echo '== failed-pods'
kubectl get pods -A --field-selector status.phase=Failed -o json 2>&1 || rc=1
echo '== end'
exit $rc
