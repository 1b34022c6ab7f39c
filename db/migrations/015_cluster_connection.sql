-- How Stackscope connects to a cluster's nodes (clusters.update): connect timeout, keepalive
-- interval and concurrency (NULL: the app's defaults), what to do with a host key neither trusted
-- nor in known_hosts ('ask' a person, or 'refuse' until someone runs `node trust`; never accept),
-- and a known_hosts file read in place of ~/.ssh/known_hosts. The contract checks the ranges; the
-- CHECKs keep a hand-edited row inside them too.
ALTER TABLE clusters ADD COLUMN connect_timeout_sec INTEGER CHECK (connect_timeout_sec BETWEEN 1 AND 300);
ALTER TABLE clusters ADD COLUMN keepalive_sec INTEGER CHECK (keepalive_sec BETWEEN 0 AND 3600);
ALTER TABLE clusters ADD COLUMN concurrency INTEGER CHECK (concurrency BETWEEN 1 AND 256);
ALTER TABLE clusters ADD COLUMN unknown_host_keys TEXT NOT NULL DEFAULT 'ask' CHECK (unknown_host_keys IN ('ask', 'refuse'));
ALTER TABLE clusters ADD COLUMN known_hosts_file TEXT CHECK (known_hosts_file IS NULL OR (length(known_hosts_file) BETWEEN 1 AND 4096 AND substr(known_hosts_file, 1, 1) = '/'));
