-- Where a cluster's service credentials live ON the cluster (never their values: only a kind, a
-- node name, a file path, a cloud or Secret name), the Kolla passwords.yml for DB steps, and how
-- kubectl reaches an openstack-helm cluster (the kube-access node, more namespaces for infra pods).
-- NULL: the flavour's default (contract defaultCredentials; /etc/kolla/passwords.yml on the DB
-- step's own node; any controller). The contract checks every value; the CHECKs keep a hand-edited
-- row to the same plain characters (the engine quotes them on every command anyway).
ALTER TABLE clusters ADD COLUMN credentials_kind TEXT CHECK (credentials_kind IS NULL OR credentials_kind IN ('none', 'openrc', 'clouds-yaml', 'helm-secret'));
ALTER TABLE clusters ADD COLUMN credentials_node TEXT CHECK (credentials_node IS NULL OR (length(credentials_node) BETWEEN 1 AND 64 AND credentials_node NOT GLOB '*[^A-Za-z0-9._-]*'));
ALTER TABLE clusters ADD COLUMN credentials_path TEXT CHECK (credentials_path IS NULL OR (length(credentials_path) BETWEEN 2 AND 1024 AND substr(credentials_path, 1, 1) = '/' AND credentials_path NOT GLOB '*[^A-Za-z0-9._@+,=~/-]*'));
ALTER TABLE clusters ADD COLUMN credentials_cloud TEXT CHECK (credentials_cloud IS NULL OR (length(credentials_cloud) BETWEEN 1 AND 64 AND credentials_cloud NOT GLOB '*[^A-Za-z0-9._-]*'));
ALTER TABLE clusters ADD COLUMN credentials_secret TEXT CHECK (credentials_secret IS NULL OR (length(credentials_secret) BETWEEN 1 AND 253 AND credentials_secret NOT GLOB '*[^a-z0-9.-]*'));
ALTER TABLE clusters ADD COLUMN kolla_passwords_node TEXT CHECK (kolla_passwords_node IS NULL OR (length(kolla_passwords_node) BETWEEN 1 AND 64 AND kolla_passwords_node NOT GLOB '*[^A-Za-z0-9._-]*'));
ALTER TABLE clusters ADD COLUMN kolla_passwords_path TEXT CHECK (kolla_passwords_path IS NULL OR (length(kolla_passwords_path) BETWEEN 2 AND 1024 AND substr(kolla_passwords_path, 1, 1) = '/' AND kolla_passwords_path NOT GLOB '*[^A-Za-z0-9._@+,=~/-]*'));
ALTER TABLE clusters ADD COLUMN kube_access_node TEXT CHECK (kube_access_node IS NULL OR (length(kube_access_node) BETWEEN 1 AND 64 AND kube_access_node NOT GLOB '*[^A-Za-z0-9._-]*'));
-- Space-separated DNS-1123 labels ('' for none).
ALTER TABLE clusters ADD COLUMN infra_namespaces TEXT NOT NULL DEFAULT '' CHECK (length(infra_namespaces) <= 600 AND infra_namespaces NOT GLOB '*[^a-z0-9 -]*');
