-- A cluster's profile beyond its deployment flavour: the container engine of a kolla cluster's
-- hosts (`docker|podman exec`) and the Kubernetes namespace an openstack-helm cluster keeps its
-- OpenStack pods in. Existing clusters get what was assumed until now: docker, `openstack`.
-- The contract checks the namespace fully (a DNS-1123 label); the CHECK keeps a hand-edited row
-- from holding anything but those characters (the engine quotes it on every command anyway).
ALTER TABLE clusters ADD COLUMN container_engine TEXT NOT NULL DEFAULT 'docker' CHECK (container_engine IN ('docker', 'podman'));
ALTER TABLE clusters ADD COLUMN namespace TEXT NOT NULL DEFAULT 'openstack' CHECK (length(namespace) BETWEEN 1 AND 63 AND namespace NOT GLOB '*[^a-z0-9-]*');
